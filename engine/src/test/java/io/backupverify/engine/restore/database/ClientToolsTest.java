package io.backupverify.engine.restore.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClientToolsTest {
    @Test
    void debiansPgWrapperIsPassedOverForTheNewestInstalledVersionThatItWouldRun() throws IOException {
        Path onPath = Path.of("/usr/bin/pg_restore");
        assumeTrue(Files.isSymbolicLink(onPath) && onPath.toRealPath().getFileName().toString().equals("pg_wrapper"),
                "Debian's postgresql-common wrapper is installed");
        assertThat(ClientTools.find("pg_restore")).hasValueSatisfying(tool -> assertThat(tool.toString())
                .matches("/usr/lib/postgresql/\\d+/bin/pg_restore"));
        assertThat(ClientTools.find("psql")).hasValueSatisfying(tool -> assertThat(tool.toString())
                .matches("/usr/lib/postgresql/\\d+/bin/psql"));
    }

    @Test
    void aToolThatIsNotTheWrapperIsTakenAsFound() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tar")));
        assertThat(ClientTools.find("tar")).hasValueSatisfying(tool -> {
            assertThat(tool.getFileName()).hasToString("tar");
            assertThat(tool.getParent()).hasToString(tool.getParent().toString().replace("postgresql", ""));
        });
    }
}
