package io.backupverify.engine.restore.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.credentials.UsernamePassword;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.restore.RestoreKinds;
import io.backupverify.engine.restore.RestoreTester;
import io.backupverify.engine.restore.ScratchArea;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kind: postgres} end to end through the restore-test framework: real pg_dump output on a local target,
 * found by content, restored, validated (tables, minRows, sql, a command using psql), timed and cleaned up.
 */
class DatabaseRestoreKindTest {
    private static final String SECRET = "pw-Never-In-Reports";
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static Path sourceHome;
    private static EmbeddedPostgresServer source;

    @BeforeAll
    static void makeDumps() throws Exception {
        sourceHome = Files.createTempDirectory("kind-source-pg");
        source = RealTools.shopServer(sourceHome);
        RealTools.pgDump(source, "shop", 'c', shared.resolve("shop.dump"));
        RealTools.pgDump(source, "shop", 'd', shared.resolve("shop.dir"));
        RealTools.pgDump(source, "shop", 'p', shared.resolve("shop.sql"));
    }

    @AfterAll
    static void stopSource() {
        source.close();
        ScratchHomes.delete(sourceHome);
    }

    private String plan(String layout, String database) {
        return """
                backupSets:
                  - name: orders-db
                    target: { type: local, path: backups }
                    layout: %s
                    restoreTest:
                      rto: 10m
                      restore: { kind: postgres, database: %s }
                      validate:
                        - tables: [orders, customers]
                        - minRows: { orders: 5000 }
                        - sql: "select count(*) = 0 from orders where total < 0"
                        - command: { run: "test \\"$(psql -tAc 'select count(*) from customers')\\" = 200", timeout: 1m }
                """.formatted(layout, database);
    }

    private String named() {
        return "{ url: \"jdbc:postgresql://127.0.0.1:" + source.address().port()
                + "/postgres\", credentialsId: pg-scratch }";
    }

    private CheckResult run(String yaml, Path scratch) throws InterruptedException {
        CredentialResolver credentials = CredentialResolver.of(Map.of("pg-scratch",
                new UsernamePassword("postgres", SecretValue.of(SECRET))));
        RestoreTester tester = new RestoreTester(RestoreKinds.defaults(), new ScratchArea(scratch), null,
                credentials);
        return tester.run(Plans.parse(yaml, dir), VerifyOptions.defaults()
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC))).sets().get(0).checks().get(0);
    }

    private Path backups() throws Exception {
        return Files.createDirectories(dir.resolve("backups"));
    }

    private Path scratch() throws Exception {
        return Files.createDirectories(dir.resolve("scratch"));
    }

    @Test
    void aCustomDumpOnTheTargetIsRestoredIntoANamedServerValidatedTimedAndDropped() throws Exception {
        Files.copy(shared.resolve("shop.dump"), backups().resolve("shop-2026-11-29.dump"));
        Path scratch = scratch();
        CheckResult result = run(plan("{ kind: file-per-backup, namePattern: \"shop-{yyyy-MM-dd}.dump\" }",
                named()), scratch);
        assertThat(result.status()).as(result.toString() + result.findings()).isEqualTo(Status.PASS);
        assertThat(result.summary()).startsWith("restored and validated shop-2026-11-29.dump");
        assertThat(result.metrics()).containsKeys("fetchMs", "restoreMs", "validateMs", "totalMs");
        // the whole dump, and its first bytes once more to tell its format
        assertThat((Long) result.metrics().get("fetchedBytes")).isBetween(Files.size(shared.resolve("shop.dump")),
                Files.size(shared.resolve("shop.dump")) + DumpDetector.headBytes());
        @SuppressWarnings("unchecked")
        List<String> removed = (List<String>) result.metrics().get("removed");
        assertThat(removed).anyMatch(line -> line.startsWith("scratch database bv_scratch_"));
        assertThat(result.toString() + result.metrics() + result.findings()).doesNotContain(SECRET);
        try (Connection connection = source.connectAdmin()) {
            assertThat(Dialect.POSTGRES.databases(connection)).noneMatch(name -> name.startsWith("bv_scratch_"));
        }
        assertThat(RealTools.list(scratch)).isEmpty();
    }

    @Test
    void aDumpOnALocalTargetIsReadInPlaceByParallelJobsWithoutACopy() throws Exception {
        Files.copy(shared.resolve("shop.dump"), backups().resolve("shop-2026-11-29.dump"));
        String yaml = plan("{ kind: file-per-backup, namePattern: \"shop-{yyyy-MM-dd}.dump\" }", named())
                .replace("restore: { kind: postgres,", "restore: { kind: postgres, jobs: 2,");
        CheckResult result = run(yaml, scratch());
        assertThat(result.status()).as(result.toString() + result.findings()).isEqualTo(Status.PASS);
        @SuppressWarnings("unchecked")
        List<String> removed = (List<String>) result.metrics().get("removed");
        // the scratch folder held its marker and the tools' password file, a few bytes, no copy of the dump
        assertThat(removed).anyMatch(line -> line.startsWith("scratch folder ")
                && line.matches(".*\\(\\d+ files, \\d+ B\\)$"));
        assertThat(RealTools.list(dir.resolve("scratch"))).isEmpty();
    }

    @Test
    void aDirectoryDumpInsideABackupFolderIsFetchedAndRestored() throws Exception {
        Path backup = Files.createDirectories(backups().resolve("shop-2026-11-29"));
        RealTools.copyTree(shared.resolve("shop.dir"), backup.resolve("db/shop.dir"));
        Files.writeString(backup.resolve("README"), "nightly dump\n");
        CheckResult result = run(plan("{ kind: directory-per-backup, namePattern: \"shop-{yyyy-MM-dd}\" }",
                named()), scratch());
        assertThat(result.status()).as(result.toString() + result.findings()).isEqualTo(Status.PASS);
        assertThat(RealTools.list(dir.resolve("scratch"))).isEmpty();
    }

    @Test
    void aDumpCutShortOnTheTargetFailsNamingIt() throws Exception {
        Path whole = shared.resolve("shop.dump");
        RealTools.cut(whole, Files.size(whole) / 2, backups().resolve("shop-2026-11-29.dump"));
        CheckResult result = run(plan("{ kind: file-per-backup, namePattern: \"shop-{yyyy-MM-dd}.dump\" }",
                named()), scratch());
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::item).contains("shop-2026-11-29.dump");
        assertThat(result.findings().get(0).message()).startsWith("pg_restore failed");
        assertThat(RealTools.list(dir.resolve("scratch"))).isEmpty();
    }

    @Test
    void aPlainDumpMadeWithCreateAndCleanRestoresIntoTheScratchDatabaseAndTouchesNoOther() throws Exception {
        // the server restored into holds the dumped database itself: DROP/CREATE DATABASE shop must never run there
        RealTools.execute(source, "postgres", "ALTER DATABASE shop SET work_mem = '7MB'",
                "COMMENT ON DATABASE shop IS 'the shop''s orders;\nnightly'");
        Path dump = RealTools.pgDump(source, "shop", 'p', dir.resolve("created.sql"), "--create", "--clean");
        assertThat(Files.readString(dump)).contains("DROP DATABASE shop;", "\nCREATE DATABASE shop ",
                "\n\\connect shop\n", "ALTER DATABASE shop SET work_mem TO '7MB';", "nightly';");
        try (var out = new GZIPOutputStream(Files.newOutputStream(backups().resolve("shop-2026-11-29.sql.gz")))) {
            Files.copy(dump, out);
        }
        String yaml = plan("{ kind: file-per-backup, namePattern: \"shop-{yyyy-MM-dd}.sql.gz\" }", named())
                .replace("- tables: [orders, customers]", "- tables: [orders, customers]\n"
                        + "        - sql: \"select current_setting('work_mem') = '7MB'\"");

        CheckResult result = run(yaml, scratch());

        assertThat(result.status()).as(result.toString() + result.findings()).isEqualTo(Status.PASS);
        assertThat(result.summary()).startsWith("restored and validated shop-2026-11-29.sql.gz");
        assertNoScratchDatabaseLeft();
        try (Connection shop = source.connect("shop"); var statement = shop.createStatement();
                var rows = statement.executeQuery("select (select count(*) from orders), "
                        + "shobj_description(oid, 'pg_database') from pg_database where datname = 'shop'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).as("the dumped database was neither dropped nor written").isEqualTo(5000);
            assertThat(rows.getString(2)).isEqualTo("the shop's orders;\nnightly");
        }
    }

    @Test
    void aPgDumpallClusterDumpIsAnErrorSayingWhyItIsNotRestored() throws Exception {
        RealTools.pgDumpall(source, backups().resolve("cluster-2026-11-29.sql"));
        assertThat(Files.readString(backups().resolve("cluster-2026-11-29.sql"))).contains("CREATE ROLE postgres;")
                .contains("\\connect");
        CheckResult result = run(plan("{ kind: file-per-backup, namePattern: \"cluster-{yyyy-MM-dd}.sql\" }",
                named()), scratch());
        assertThat(result.status()).as(result.toString() + result.findings()).isEqualTo(Status.ERROR);
        assertThat(result.summary()).contains("cluster-2026-11-29.sql is a pg_dumpall cluster dump, which a restore "
                + "test does not restore").contains("roles").contains("pg_dump -Fc DATABASE");
        assertNoScratchDatabaseLeft();
        assertThat(RealTools.list(dir.resolve("scratch"))).isEmpty();
    }

    @Test
    void aBackupWithoutADumpFails() throws Exception {
        Files.writeString(backups().resolve("shop-2026-11-29.dump"), "this is not a dump\n");
        CheckResult result = run(plan("{ kind: file-per-backup, namePattern: \"shop-{yyyy-MM-dd}.dump\" }",
                named()), scratch());
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings().get(0).message()).contains("no PostgreSQL dump found");
        // the scratch database was being made while the backups were listed: it is dropped, and said
        assertThat(removed(result)).anyMatch(line -> line.startsWith("dropped scratch database bv_scratch_"));
        assertNoScratchDatabaseLeft();
        assertThat(RealTools.list(dir.resolve("scratch"))).isEmpty();
    }

    @Test
    void aSetWithoutBackupsHasTheScratchDatabaseMadeForItDropped() throws Exception {
        backups();
        CheckResult result = run(plan("{ kind: file-per-backup, namePattern: \"shop-{yyyy-MM-dd}.dump\" }",
                named()), scratch());
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(removed(result)).anyMatch(line -> line.startsWith("dropped scratch database bv_scratch_"));
        assertNoScratchDatabaseLeft();
        assertThat(RealTools.list(dir.resolve("scratch"))).isEmpty();
    }

    @Test
    void anUnreachableServerIsAnErrorAndLeavesNothing() throws Exception {
        Files.copy(shared.resolve("shop.dump"), backups().resolve("shop-2026-11-29.dump"));
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        CheckResult result = run(plan("{ kind: file-per-backup, namePattern: \"shop-{yyyy-MM-dd}.dump\" }",
                "{ url: \"jdbc:postgresql://127.0.0.1:" + closed + "/postgres\", credentialsId: pg-scratch }"),
                scratch());
        assertThat(result.status()).as(result.toString()).isEqualTo(Status.ERROR);
        assertThat(result.summary()).contains("cannot create a scratch database on PostgreSQL server 127.0.0.1:"
                + closed);
        assertThat(result.toString() + result.metrics()).doesNotContain(SECRET);
        assertThat(RealTools.list(dir.resolve("scratch"))).isEmpty();
    }

    @Test
    void aScratchFolderThatDoesNotExistIsAnErrorAndIsNotMade() throws Exception {
        Files.copy(shared.resolve("shop.dump"), backups().resolve("shop-2026-11-29.dump"));
        Path absent = dir.resolve("no-such-scratch");
        CheckResult result = run(plan("{ kind: file-per-backup, namePattern: \"shop-{yyyy-MM-dd}.dump\" }",
                named()), absent);
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.summary()).contains("does not exist");
        assertThat(absent).doesNotExist();
        assertNoScratchDatabaseLeft();
    }

    @SuppressWarnings("unchecked")
    private static List<String> removed(CheckResult result) {
        return (List<String>) result.metrics().get("removed");
    }

    private static void assertNoScratchDatabaseLeft() throws Exception {
        try (Connection connection = source.connectAdmin()) {
            assertThat(Dialect.POSTGRES.databases(connection)).noneMatch(name -> name.startsWith("bv_scratch_"));
        }
    }

    @Test
    void byDefaultAGzipPlainDumpIsRestoredIntoAnEmbeddedServer() throws Exception {
        try (var out = new GZIPOutputStream(Files.newOutputStream(backups().resolve("shop-2026-11-29.sql.gz")))) {
            Files.copy(shared.resolve("shop.sql"), out);
        }
        CheckResult result = run(plan("{ kind: file-per-backup, namePattern: \"shop-{yyyy-MM-dd}.sql.gz\" }",
                "{ embedded: true }"), scratch());
        assertThat(result.status()).as(result.toString() + result.findings()).isEqualTo(Status.PASS);
        @SuppressWarnings("unchecked")
        List<String> removed = (List<String>) result.metrics().get("removed");
        assertThat(removed).anyMatch(line -> line.contains("embedded PostgreSQL") && line.contains("server stopped"));
        assertThat(RealTools.list(dir.resolve("scratch"))).isEmpty();
    }

    @Test
    void databaseKeysAreCheckedWhenThePlanIsRead() {
        String base = """
                backupSets:
                  - name: db
                    target: { type: local, path: backups }
                    layout: { kind: file-per-backup, namePattern: "db-{yyyy-MM-dd}.dump" }
                    restoreTest:
                      restore: %s
                """;
        assertThatThrownBy(() -> parse(base.formatted("{ kind: postgres, format: zip }")))
                .hasMessageContaining("restore.format").hasMessageContaining("unknown format 'zip'");
        assertThatThrownBy(() -> parse(base.formatted(
                "{ kind: postgres, database: { url: \"jdbc:mariadb://db:3306/\", credentialsId: x } }")))
                .hasMessageContaining("restore.database.url");
        assertThatThrownBy(() -> parse(base.formatted(
                "{ kind: mysql, database: { url: \"jdbc:mariadb://db:3306/\" } }")))
                .hasMessageContaining("restore.database.credentialsId");
        assertThatThrownBy(() -> parse(base.formatted(
                "{ kind: postgres, database: { url: \"jdbc:postgresql://db/x?password=oops\", credentialsId: x } }")))
                .hasMessageContaining("credentialsId, not from the URL").hasMessageNotContaining("oops");
        assertThatThrownBy(() -> parse(base.formatted("{ kind: postgres, jobs: 0 }")))
                .hasMessageContaining("restore.jobs");
    }

    private void parse(String yaml) throws PlanException {
        new PlanParser().parse(yaml, "plan.yaml", dir);
    }
}
