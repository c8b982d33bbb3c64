package io.backupverify.engine.restore.database;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.UsernamePassword;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB restore tests against real parts: a MariaDB server from Debian's mariadb-server holding a small shop, real
 * mariadb-dump output, restored into a scratch MariaDB started by the engine and into a named server.
 */
class MysqlRestoreTest {
    private static final Instant NOW = Instant.now();

    @TempDir
    static Path dumps;
    @TempDir
    Path scratch;

    private static Path sourceHome;
    private static MariaDbServer source;
    private static CredentialResolver credentials;
    private static String secret;

    @BeforeAll
    static void makeDumps() throws Exception {
        sourceHome = ScratchHomes.create(Path.of(System.getProperty("java.io.tmpdir")), NOW);
        source = MariaDbServer.start(sourceHome, Duration.ofMinutes(3));
        secret = source.password().orElseThrow().reveal();
        credentials = CredentialResolver.of(Map.of("maria", new UsernamePassword("root",
                source.password().orElseThrow())));
        RealTools.execute(source, "", "CREATE DATABASE shop", "CREATE DATABASE other");
        RealTools.execute(source, "shop",
                "CREATE TABLE customers (id int PRIMARY KEY, name varchar(100) NOT NULL)",
                "CREATE TABLE orders (id int PRIMARY KEY, customer int, total decimal(10,2), note blob, "
                        + "FOREIGN KEY (customer) REFERENCES customers (id))",
                "INSERT INTO customers SELECT seq, concat('customer ', seq) FROM seq_1_to_200",
                "INSERT INTO orders SELECT seq, 1 + seq % 200, seq * 1.25, unhex('00FF0A0D27') FROM seq_1_to_5000");
        RealTools.execute(source, "other", "CREATE TABLE t (id int)");
        Path work = Files.createDirectories(dumps.resolve("work"));
        RealTools.mariadbDump(source, work, dumps.resolve("shop.sql"), "shop");
        RealTools.mariadbDump(source, work, dumps.resolve("shop-named.sql"), "--databases", "shop");
        RealTools.mariadbDump(source, work, dumps.resolve("two.sql"), "--databases", "shop", "other");
        // routines whose database had another character set then: mariadb-dump writes ALTER DATABASE `gone` around
        // them; the database is gone from the server before the restore
        RealTools.execute(source, "", "CREATE DATABASE gone CHARACTER SET latin1");
        RealTools.execute(source, "gone", "CREATE TABLE t (id int PRIMARY KEY)", "INSERT INTO t VALUES (1), (2)",
                "CREATE PROCEDURE p() SELECT count(*) FROM t", "ALTER DATABASE gone CHARACTER SET utf8mb4");
        RealTools.mariadbDump(source, work, dumps.resolve("gone.sql"), "--routines", "gone");
        RealTools.execute(source, "", "DROP DATABASE gone");
    }

    @AfterAll
    static void stopSource() {
        source.close();
        ScratchHomes.delete(sourceHome);
    }

    private static DatabaseRestoreOptions named() {
        return new DatabaseRestoreOptions(false, Optional.empty(), null,
                "jdbc:mariadb://127.0.0.1:" + source.address().port() + "/", "maria", 1, Duration.ofSeconds(30));
    }

    private static List<SqlValidation> shopChecks() {
        return List.of(new SqlValidation.TablesExist(List.of("orders", "customers")),
                new SqlValidation.MinRows(Map.of("orders", 5000L, "customers", 200L)),
                new SqlValidation.SqlIsTrue("select count(*) = 0 from orders where total < 0"),
                new SqlValidation.SqlIsTrue("select count(*) = 5000 from orders where note = unhex('00FF0A0D27')"));
    }

    @Test
    void aMariadbDumpIsRestoredIntoAScratchServerStartedForTheTest() throws Exception {
        assertThat(DumpDetector.detect(dumps.resolve("shop.sql"))).contains(DumpFormat.MYSQL_SQL);
        DatabaseRestoreOptions embedded = new DatabaseRestoreOptions(false, Optional.empty(), null, null, null, 1,
                Duration.ofSeconds(30));
        try (DatabaseRestoreSession session = DatabaseRestoreSession.open(embedded, CredentialResolver.NONE,
                scratch, NOW)) {
            assertThat(session.serverDescription()).startsWith("scratch MariaDB on 127.0.0.1:");
            DatabaseRestorer.Outcome outcome = session.restore(DumpSource.local(dumps.resolve("shop.sql")), DumpFormat.MYSQL_SQL, 1,
                    Duration.ofMinutes(2));
            assertThat(outcome.restored()).as(outcome.problem()).isTrue();
            SqlValidator.Result result = session.validate(shopChecks(), Duration.ofSeconds(30));
            assertThat(result.findings()).isEmpty();
            assertThat(result.rowCounts()).containsEntry("orders", 5000L);
            assertThat(session.cleanUp()).anyMatch(line -> line.startsWith("stopped scratch MariaDB"));
        }
        assertThat(scratch).isEmptyDirectory();
    }

    @Test
    void aDumpNamingItsDatabaseLandsInTheScratchDatabaseOnANamedServer() throws Exception {
        RealTools.execute(source, "", "CREATE DATABASE IF NOT EXISTS shop_copy_guard");
        String name;
        try (DatabaseRestoreSession session = DatabaseRestoreSession.open(named(), credentials, scratch, NOW)) {
            name = session.database().name();
            RealTools.execute(source, "shop", "INSERT INTO customers VALUES (999, 'added after the dump')");
            DatabaseRestorer.Outcome outcome = session.restore(DumpSource.local(dumps.resolve("shop-named.sql")),
                    DumpFormat.MYSQL_SQL, 1, Duration.ofMinutes(2));
            assertThat(outcome.restored()).as(outcome.problem()).isTrue();
            assertThat(session.validate(shopChecks(), Duration.ofSeconds(30)).findings()).isEmpty();
            assertThat(session.validate(List.of(new SqlValidation.SqlIsTrue(
                    "select count(*) = 200 from customers")), Duration.ofSeconds(30)).findings()).isEmpty();
            assertThat(String.join("\n", session.cleanUp())).doesNotContain(secret);
        }
        try (Connection connection = source.connectAdmin()) {
            assertThat(Dialect.MARIADB.databases(connection)).doesNotContain(name).contains("shop");
        }
        // the real database was not touched by the restore (the row added after the dump is still there)
        try (Connection connection = source.connect("shop"); var statement = connection.createStatement();
                var result = statement.executeQuery("select count(*) from customers")) {
            result.next();
            assertThat(result.getLong(1)).isEqualTo(201);
        }
        RealTools.execute(source, "shop", "DELETE FROM customers WHERE id = 999");
    }

    @Test
    void aDumpCutShortFails() throws Exception {
        Path whole = dumps.resolve("shop.sql");
        Path cut = RealTools.cut(whole, Files.size(whole) / 2, dumps.resolve("cut.sql"));
        String text = Files.readString(whole, StandardCharsets.ISO_8859_1);
        Path noTrailer = Files.writeString(dumps.resolve("no-trailer.sql"),
                text.substring(0, text.indexOf("-- Dump completed")), StandardCharsets.ISO_8859_1);

        DatabaseRestorer.Outcome halfway = RealTools.restoreOnce(named(), credentials, scratch,
                DumpSource.local(cut), DumpFormat.MYSQL_SQL);
        assertThat(halfway.restored()).isFalse();
        assertThat(halfway.dumpAtFault()).as(halfway.problem()).isTrue();

        DatabaseRestorer.Outcome withoutTrailer = RealTools.restoreOnce(named(), credentials, scratch,
                DumpSource.local(noTrailer), DumpFormat.MYSQL_SQL);
        assertThat(withoutTrailer.dumpAtFault()).isTrue();
        assertThat(withoutTrailer.problem()).contains("cut short", "-- Dump completed");
    }

    /** The client's {@code \!} and {@code system} run shell commands; an older dump has no sandbox line. */
    @Test
    void aDumpsShellCommandsAreNeverRun() throws Exception {
        String text = Files.readString(dumps.resolve("shop.sql"), ISO_8859_1).replaceAll("(?m)^/\\*M!999999\\\\- .*\\n", "");
        int at = text.indexOf("\nCREATE TABLE") + 1;
        for (String shell : List.of("\\! touch %s", "system touch %s", "SELECT 1; \\! touch %s")) {
            Path marker = scratch.resolveSibling(scratch.getFileName() + "-pwned-" + shell.length());
            Path hostile = Files.writeString(dumps.resolve("hostile.sql"), text.substring(0, at)
                    + shell.formatted(marker) + "\n" + text.substring(at), ISO_8859_1);

            DatabaseRestorer.Outcome outcome = RealTools.restoreOnce(named(), credentials, scratch,
                    DumpSource.local(hostile), DumpFormat.MYSQL_SQL);

            assertThat(marker).as("the dump's shell command ran: " + shell).doesNotExist();
            assertThat(outcome.restored()).isFalse();
            assertThat(outcome.dumpAtFault()).as(outcome.problem()).isTrue();
        }
    }

    @Test
    void aDumpOfAnEmptyDatabaseOrWithoutDataFails() throws Exception {
        Path work = Files.createDirectories(dumps.resolve("work"));
        Path empty = RealTools.mariadbDump(source, work, dumps.resolve("empty.sql"), "other");
        Path schemaOnly = RealTools.mariadbDump(source, work, dumps.resolve("no-data.sql"), "--no-data",
                "shop");

        DatabaseRestorer.Outcome nothing = RealTools.restoreOnce(named(), credentials, scratch,
                DumpSource.local(empty), DumpFormat.MYSQL_SQL);
        DatabaseRestorer.Outcome noRows = RealTools.restoreOnce(named(), credentials, scratch,
                DumpSource.local(schemaOnly), DumpFormat.MYSQL_SQL);

        assertThat(nothing.dumpAtFault()).as(nothing.problem()).isTrue();
        assertThat(nothing.problem()).contains("1 table").contains("not one row");
        assertThat(noRows.dumpAtFault()).as(noRows.problem()).isTrue();
        assertThat(noRows.problem()).contains("2 tables").contains("not one row");
    }

    @Test
    void aDumpOfSeveralDatabasesCannotBeRestoreTestedWhichSaysNothingAgainstIt() throws Exception {
        DatabaseRestorer.Outcome outcome = RealTools.restoreOnce(named(), credentials, scratch,
                DumpSource.local(dumps.resolve("two.sql")), DumpFormat.MYSQL_SQL);

        assertThat(outcome.restored()).isFalse();
        assertThat(outcome.dumpAtFault()).as(outcome.problem()).isFalse();
        assertThat(outcome.problem()).contains("more than one database (shop, other)", "cannot test this file");
    }

    @Test
    void failedValidationsNameWhatFailed() throws Exception {
        String sleeping = "select sleep(" + RealTools.LONGER_THAN_THE_LIMIT + ") = 0";
        SqlValidator.Result result = RealTools.validateAfterRestore(named(), credentials, scratch,
                dumps.resolve("shop.sql"), DumpFormat.MYSQL_SQL, List.of(
                        new SqlValidation.TablesExist(List.of("orders", "invoices")),
                        new SqlValidation.MinRows(Map.of("customers", 201L)),
                        new SqlValidation.SqlIsTrue(sleeping),
                        new SqlValidation.SqlIsTrue("create table sneaky (id int)"),
                        new SqlValidation.SqlIsTrue("select 2")), session -> { });

        assertThat(result.findings()).extracting(Finding::item, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("table invoices", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("table customers", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("sql: " + sleeping, Status.ERROR),
                org.assertj.core.groups.Tuple.tuple("sql: create table sneaky (id int)", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("sql: select 2", Status.FAIL));
        assertThat(result.findings().get(1).message()).contains("200 rows, fewer than the 201");
    }

    /**
     * Statements that switch to, create or alter another database, as a hand-made or edited dump holds them, reach
     * neither that database nor any other but the scratch one: left out (the restore goes on in the scratch database),
     * refused by the client (FAIL) or not restore-tested (ERROR), never sent.
     */
    @Test
    void whateverDatabaseTheDumpNamesNothingIsWrittenOutsideTheScratchDatabase() throws Exception {
        String text = Files.readString(dumps.resolve("shop.sql"), ISO_8859_1);
        int at = text.indexOf("\nCREATE TABLE") + 1;
        Map<String, Boolean> restoresInScratch = new java.util.LinkedHashMap<>();
        restoresInScratch.put("USE other;", true);
        restoresInScratch.put("use other ;", true);
        restoresInScratch.put("SET sql_mode = 'ANSI_QUOTES';\nUSE \"other\";\nSET sql_mode = '';", true);
        restoresInScratch.put("/*!40000 USE other*/;", true);
        restoresInScratch.put("/*M!100000 USE `other` */;", true);
        restoresInScratch.put("SELECT 1; USE other;", true);
        restoresInScratch.put("CREATE DATABASE IF NOT EXISTS other;\nUSE other;", true);
        restoresInScratch.put("DELIMITER ;;\nUSE other;;\nDELIMITER ;", true);
        restoresInScratch.put("\\u other", false);
        restoresInScratch.put("\\r other", false);
        restoresInScratch.put("USE other;\nSELECT 1;\nUSE shop_copy;", false);
        restoresInScratch.put("CREATE DATABASE other_new;\nUSE other_new;", true);
        for (Map.Entry<String, Boolean> hostile : restoresInScratch.entrySet()) {
            Path dump = Files.writeString(dumps.resolve("names-a-database.sql"), text.substring(0, at)
                    + hostile.getKey() + "\n" + text.substring(at), ISO_8859_1);

            SqlValidator.Result[] validated = new SqlValidator.Result[1];
            DatabaseRestorer.Outcome outcome;
            try (DatabaseRestoreSession session = DatabaseRestoreSession.open(named(), credentials, scratch, NOW)) {
                outcome = session.restore(DumpSource.local(dump), DumpFormat.MYSQL_SQL, 1, Duration.ofMinutes(2));
                if (outcome.restored()) {
                    validated[0] = session.validate(shopChecks(), Duration.ofSeconds(30));
                }
                session.cleanUp();
            }

            try (Connection connection = source.connectAdmin()) {
                assertThat(Dialect.MARIADB.databases(connection)).as(hostile.getKey())
                        .doesNotContain("other_new", "shop_copy");
            }
            try (Connection connection = source.connect("other"); var statement = connection.createStatement();
                    var tables = statement.executeQuery("select count(*) from information_schema.tables "
                            + "where table_schema = 'other'")) {
                tables.next();
                assertThat(tables.getLong(1)).as("tables written into other by " + hostile.getKey()).isEqualTo(1);
            }
            assertThat(outcome.restored()).as(hostile.getKey() + ": " + outcome.problem())
                    .isEqualTo(hostile.getValue());
            if (outcome.restored()) {
                assertThat(validated[0].findings()).as(hostile.getKey()).isEmpty();
            }
        }
    }

    @Test
    void aDumpOfSeveralDatabasesIsStoppedBeforeTheSecondIsWritten() throws Exception {
        DatabaseRestorer.Outcome outcome = RealTools.restoreOnce(named(), credentials, scratch,
                DumpSource.local(dumps.resolve("two.sql")), DumpFormat.MYSQL_SQL);

        assertThat(outcome.dumpAtFault()).as(outcome.problem()).isFalse();
        try (Connection connection = source.connect("other"); var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from t")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    /** mariadb-dump's ALTER DATABASE `name` around routines alters the scratch database, not one of that name. */
    @Test
    void aDumpWithRoutinesAltersTheScratchDatabaseNotTheOneItNames() throws Exception {
        SqlValidator.Result result = RealTools.validateAfterRestore(named(), credentials, scratch,
                dumps.resolve("gone.sql"), DumpFormat.MYSQL_SQL, List.of(
                        new SqlValidation.MinRows(Map.of("t", 2L)),
                        new SqlValidation.SqlIsTrue("select count(*) = 1 from information_schema.routines "
                                + "where routine_schema = database() and routine_name = 'p'")), session -> { });

        assertThat(result.findings()).isEmpty();
        try (Connection connection = source.connectAdmin()) {
            assertThat(Dialect.MARIADB.databases(connection)).doesNotContain("gone");
        }
    }
}
