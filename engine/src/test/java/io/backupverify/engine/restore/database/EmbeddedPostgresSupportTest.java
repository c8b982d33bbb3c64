package io.backupverify.engine.restore.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.testing.Plans;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the embedded PostgreSQL is left out (the Jenkins plugin), plans that need it are refused, naming the set. */
class EmbeddedPostgresSupportTest {
    private static final Plan PLAN = Plans.parse("""
            backupSets:
              - name: web
                target: { type: local, path: web }
                layout: { kind: file-per-backup, namePattern: "web-{yyyy-MM-dd}.tar.gz" }
                restoreTest: { restore: { kind: archive } }
              - name: orders-db
                target: { type: local, path: backups }
                layout: { kind: file-per-backup, namePattern: "db-{yyyy-MM-dd}.dump" }
                restoreTest: { restore: { kind: postgres } }
              - name: named-db
                target: { type: local, path: backups }
                layout: { kind: file-per-backup, namePattern: "db-{yyyy-MM-dd}.dump" }
                restoreTest:
                  restore:
                    kind: postgres
                    database: { url: "jdbc:postgresql://db.example:5432/postgres", credentialsId: pg }
            """, Path.of("."));

    @Test
    void theEngineWithItsDependenciesHasTheEmbeddedServer() {
        assertThat(EmbeddedPostgresSupport.available()).isTrue();
    }

    @Test
    void aClassPathWithoutTheLibraryHasNone() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThat(EmbeddedPostgresSupport.available(bare)).isFalse();
        }
    }

    @Test
    void withoutItASelectedSetRestoringIntoTheEmbeddedServerIsAPlanError() {
        assertThatThrownBy(() -> EmbeddedPostgresSupport.requireAvailableFor(PLAN, List.of(), false))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("backupSets[1].restoreTest.restore.database")
                .hasMessageContaining("set 'orders-db'")
                .hasMessageContaining("not part of this installation")
                .hasMessageContaining("url:");
    }

    @Test
    void setsThatNameAServerOrRestoreNoDatabaseStillRun() {
        assertThatCode(() -> EmbeddedPostgresSupport.requireAvailableFor(PLAN, List.of("web", "named-db"), false))
                .doesNotThrowAnyException();
        assertThatCode(() -> EmbeddedPostgresSupport.requireAvailableFor(PLAN, List.of(), true))
                .doesNotThrowAnyException();
    }
}
