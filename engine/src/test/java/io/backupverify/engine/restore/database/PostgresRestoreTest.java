package io.backupverify.engine.restore.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.credentials.UsernamePassword;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL restore tests against real parts: a real server (embedded PostgreSQL 15) holding a small shop, real
 * pg_dump output in every format, restored into a fresh embedded server and into a named server.
 */
class PostgresRestoreTest {
    private static final String SECRET = "s3cret-Pw-never-shown";
    private static final Instant NOW = Instant.now();

    @TempDir
    static Path dumps;
    @TempDir
    Path scratch;

    private static Path sourceHome;
    private static EmbeddedPostgresServer source;

    @BeforeAll
    static void makeDumps() throws Exception {
        sourceHome = Files.createTempDirectory("source-pg");
        source = RealTools.shopServer(sourceHome);
        // owned by and granted to a role the scratch server does not have
        RealTools.execute(source, "shop",
                "CREATE ROLE shop_owner",
                "ALTER TABLE orders OWNER TO shop_owner",
                "GRANT SELECT ON customers TO shop_owner");
        for (char format : new char[] {'c', 'd', 't', 'p'}) {
            RealTools.pgDump(source, "shop", format, dumps.resolve("shop." + format));
        }
    }

    @AfterAll
    static void stopSource() {
        source.close();
        ScratchHomes.delete(sourceHome);
    }

    private static final CredentialResolver CREDENTIALS = CredentialResolver.of(Map.of("pg-restore",
            new UsernamePassword("postgres", SecretValue.of(SECRET))));

    /** The source server named by URL: most tests restore there, as starting a server per test is slow. */
    private static DatabaseRestoreOptions named() {
        String url = "jdbc:postgresql://127.0.0.1:" + source.address().port() + "/postgres";
        return new DatabaseRestoreOptions(true, Optional.empty(), null, url, "pg-restore", 1, Duration.ofSeconds(30));
    }

    private static DatabaseRestoreOptions embedded() {
        return new DatabaseRestoreOptions(true, Optional.empty(), null, null, null, 1, Duration.ofSeconds(30));
    }

    private static List<SqlValidation> shopChecks() {
        return List.of(new SqlValidation.TablesExist(List.of("orders", "customers", "public.orders")),
                new SqlValidation.MinRows(Map.of("orders", 5000L, "customers", 200L)),
                new SqlValidation.SqlIsTrue("select count(*) = 0 from orders where total < 0"));
    }

    @ParameterizedTest
    @ValueSource(chars = {'c', 'd', 't', 'p'})
    void everyFormatIsFoundByContentRestoredAndValidated(char format) throws Exception {
        Path dump = dumps.resolve("shop." + format);
        DumpFormat detected = DumpDetector.detect(dump).orElseThrow();
        assertThat(detected.planName()).startsWith(switch (format) {
            case 'c' -> "custom";
            case 'd' -> "directory";
            case 't' -> "tar";
            default -> "plain";
        });
        Path home;
        String name;
        try (DatabaseRestoreSession session = DatabaseRestoreSession.open(named(), CREDENTIALS, scratch, NOW)) {
            name = session.database().name();
            DatabaseRestorer.Outcome outcome = session.restore(DumpSource.local(dump), detected, 1, Duration.ofMinutes(2));
            assertThat(outcome.problem()).isEmpty();
            assertThat(outcome.restored()).isTrue();
            SqlValidator.Result result = session.validate(shopChecks(), Duration.ofSeconds(30));
            assertThat(result.findings()).isEmpty();
            assertThat(result.rowCounts()).containsEntry("orders", 5000L).containsEntry("customers", 200L);
            assertThat(result.passed()).isEqualTo(3);
            home = onlyChild(scratch);
            List<String> removed = session.cleanUp();
            assertThat(removed).anyMatch(line -> line.contains("dropped scratch database " + name));
        }
        assertThat(name).startsWith("bv_scratch_");
        assertThat(home).doesNotExist();
        assertThat(databases()).doesNotContain(name);
    }

    @Test
    void byDefaultAnEmbeddedServerIsStartedForTheTestAndStoppedAfterIt() throws Exception {
        int port;
        try (DatabaseRestoreSession session = DatabaseRestoreSession.open(embedded(), CredentialResolver.NONE,
                scratch, NOW)) {
            assertThat(session.serverDescription()).startsWith("embedded PostgreSQL 15 on 127.0.0.1:");
            port = Integer.parseInt(session.serverDescription().replaceAll(".*:", ""));
            DatabaseRestorer.Outcome outcome = session.restore(DumpSource.local(dumps.resolve("shop.c")), DumpFormat.POSTGRES_CUSTOM,
                    2, Duration.ofMinutes(2));
            assertThat(outcome.restored()).as(outcome.problem()).isTrue();
            assertThat(session.validate(shopChecks(), Duration.ofSeconds(30)).findings()).isEmpty();
            assertThat(session.cleanUp()).anyMatch(line -> line.startsWith("stopped embedded PostgreSQL"));
        }
        assertThat(scratch).isEmptyDirectory();
        try (var socket = new java.net.Socket()) {
            assertThatThrownBy(() -> socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aGzipCompressedPlainDumpIsRestoredToo() throws Exception {
        Path gz = dumps.resolve("shop.sql.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(dumps.resolve("shop.p"), out);
        }
        assertThat(DumpDetector.detect(gz)).contains(DumpFormat.POSTGRES_PLAIN);
        try (DatabaseRestoreSession session = DatabaseRestoreSession.open(named(), CREDENTIALS, scratch, NOW)) {
            assertThat(session.restore(DumpSource.local(gz), DumpFormat.POSTGRES_PLAIN, 1, Duration.ofMinutes(2)).restored()).isTrue();
            assertThat(session.validate(shopChecks(), Duration.ofSeconds(30)).findings()).isEmpty();
        }
    }

    /**
     * A second member whose header was lost after a complete one: gzip -d fails on it, while the JDK's gzip reader
     * stops there silently. Zero padding after the last member is ignored, as gzip ignores it.
     */
    @Test
    void aGzipDumpWithADamagedMemberAfterACompleteOneFailsAndZeroPaddingIsIgnoredAsGzipDoes() throws Exception {
        Path gz = dumps.resolve("whole.sql.gz");
        RealTools.run(Map.of(), "gzip", "-k", "-f", dumps.resolve("shop.p").toString());
        Files.move(dumps.resolve("shop.p.gz"), gz, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path more = Files.writeString(dumps.resolve("more.sql"), "SELECT 1;\n");
        RealTools.run(Map.of(), "gzip", "-f", more.toString());
        byte[] second = Files.readAllBytes(dumps.resolve("more.sql.gz"));
        second[0] = 0x42; // the member's header is lost
        byte[] whole = Files.readAllBytes(gz);
        Path damaged = Files.write(dumps.resolve("damaged.sql.gz"), concat(whole, second));
        Path padded = Files.write(dumps.resolve("padded.sql.gz"), concat(whole, new byte[512]));
        Process test = new ProcessBuilder("gzip", "-t", damaged.toString()).redirectErrorStream(true).start();
        assertThat(test.waitFor()).as("gzip -t fails the damaged file").isNotZero();

        DatabaseRestorer.Outcome outcome = RealTools.restoreOnce(named(), CREDENTIALS, scratch,
                DumpSource.local(damaged), DumpFormat.POSTGRES_PLAIN);
        DatabaseRestorer.Outcome paddedOutcome = RealTools.restoreOnce(named(), CREDENTIALS, scratch,
                DumpSource.local(padded), DumpFormat.POSTGRES_PLAIN);

        assertThat(outcome.restored()).isFalse();
        assertThat(outcome.dumpAtFault()).as(outcome.problem()).isTrue();
        assertThat(outcome.problem()).contains("the compressed dump is cut short or corrupt", "Garbage after");
        assertThat(paddedOutcome.restored()).as(paddedOutcome.problem()).isTrue();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @ParameterizedTest
    @ValueSource(chars = {'c', 't', 'p'})
    void aDumpCutShortFailsTheRestore(char format) throws Exception {
        Path whole = dumps.resolve("shop." + format);
        Path cut = RealTools.cut(whole, Files.size(whole) * 2 / 3, dumps.resolve("cut." + format));
        DumpFormat detected = DumpDetector.detect(cut).orElseThrow();

        DatabaseRestorer.Outcome outcome = RealTools.restoreOnce(named(), CREDENTIALS, scratch, DumpSource.local(cut),
                detected);

        assertThat(outcome.restored()).isFalse();
        assertThat(outcome.dumpAtFault()).as(outcome.problem()).isTrue();
        assertThat(scratch).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(chars = {'c', 't', 'p'})
    void aDumpStreamedFromTheTargetRestoresWholeAndFailsCutShort(char format) throws Exception {
        Path whole = dumps.resolve("shop." + format);
        Path cut = RealTools.cut(whole, Files.size(whole) * 2 / 3, dumps.resolve("cut-streamed." + format));
        DumpFormat detected = DumpDetector.detect(whole).orElseThrow();
        try (DatabaseRestoreSession session = DatabaseRestoreSession.open(named(), CREDENTIALS, scratch, NOW)) {
            DatabaseRestorer.Outcome outcome = session.restore(DumpSource.streamed("shop", () ->
                    Files.newInputStream(whole)), detected, 1, Duration.ofMinutes(2));
            assertThat(outcome.restored()).as(outcome.problem()).isTrue();
            assertThat(session.validate(shopChecks(), Duration.ofSeconds(30)).findings()).isEmpty();
        }
        DatabaseRestorer.Outcome outcome = RealTools.restoreOnce(named(), CREDENTIALS, scratch,
                DumpSource.streamed("cut", () -> Files.newInputStream(cut)), detected);
        assertThat(outcome.dumpAtFault()).as(outcome.problem()).isTrue();
    }

    @Test
    void aCreateDumpOfADatabaseWhoseNameNeedsQuotingRestoresIntoTheScratchDatabase() throws Exception {
        // pg_dump quotes the name in CREATE DATABASE and writes \connect -reuse-previous=on "dbname='...'"
        String weird = "Shop's \"live\" \\db";
        String quoted = Dialect.POSTGRES.quote(weird);
        RealTools.execute(source, "postgres", "CREATE DATABASE " + quoted,
                "ALTER DATABASE " + quoted + " SET work_mem = '3MB'");
        RealTools.execute(source, weird, "CREATE TABLE orders (id int)", "INSERT INTO orders VALUES (1), (2)");
        Path dump = RealTools.pgDump(source, weird, 'p', dumps.resolve("weird-create.sql"), "--create");
        assertThat(Files.readString(dump)).contains("CREATE DATABASE " + quoted + " ", "\\connect -reuse-previous=on");

        try (DatabaseRestoreSession session = DatabaseRestoreSession.open(named(), CREDENTIALS, scratch, NOW)) {
            DatabaseRestorer.Outcome outcome = session.restore(DumpSource.local(dump), DumpFormat.POSTGRES_PLAIN, 1,
                    Duration.ofMinutes(2));
            assertThat(outcome.problem()).isEmpty();
            SqlValidator.Result result = session.validate(List.of(
                    new SqlValidation.MinRows(Map.of("orders", 2L)),
                    new SqlValidation.SqlIsTrue("select current_setting('work_mem') = '3MB'")), Duration.ofSeconds(30));
            assertThat(result.findings()).isEmpty();
        }
        try (Connection connection = source.connect(weird); var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from orders")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).as("the dumped database is untouched").isEqualTo(2);
        }
    }

    @Test
    void severalCreateDumpsInOneFileCannotBeRestoreTestedWhichSaysNothingAgainstThem() throws Exception {
        // for db in shop second; do pg_dump --create $db; done > all.sql: whole dumps, one restore test each
        RealTools.execute(source, "postgres", "CREATE DATABASE second");
        RealTools.execute(source, "second", "CREATE TABLE lines (id int)", "INSERT INTO lines VALUES (1)");
        String first = Files.readString(RealTools.pgDump(source, "shop", 'p', dumps.resolve("first.sql"), "--create"));
        String second = Files.readString(RealTools.pgDump(source, "second", 'p', dumps.resolve("second.sql"),
                "--create"));
        Path both = Files.writeString(dumps.resolve("both-create.sql"), first + second);

        DatabaseRestorer.Outcome outcome = RealTools.restoreOnce(named(), CREDENTIALS, scratch,
                DumpSource.local(both), DumpFormat.POSTGRES_PLAIN);

        assertThat(outcome.restored()).isFalse();
        assertThat(outcome.dumpAtFault()).as(outcome.problem()).isFalse();
        assertThat(outcome.problem()).contains("several pg_dump dumps one after another", "cannot test this file");
    }

    @Test
    void aDumpThatConnectsToAnotherDatabaseCannotBeTestedAndRunsNothingThere() throws Exception {
        Path created = RealTools.pgDump(source, "shop", 'p', dumps.resolve("shop-create.sql"), "--create");
        String text = Files.readString(created);
        assertThat(text).contains("\n\\connect shop\n");
        Path elsewhere = Files.writeString(dumps.resolve("elsewhere.sql"),
                text.replace("\n\\connect shop\n", "\n\\connect postgres\n"));

        DatabaseRestorer.Outcome outcome = RealTools.restoreOnce(named(), CREDENTIALS, scratch,
                DumpSource.local(elsewhere), DumpFormat.POSTGRES_PLAIN);

        assertThat(outcome.restored()).isFalse();
        assertThat(outcome.dumpAtFault()).as(outcome.problem()).isFalse();
        assertThat(outcome.problem()).contains("connects to a database it does not create (\\connect "
                + "postgres); it creates shop", "cannot test this file");
        try (Connection connection = source.connect("postgres")) {
            assertThat(Dialect.POSTGRES.tables(connection)).doesNotContain("public.orders");
        }
    }

    @Test
    void aScriptThatChoosesItsDatabaseBeforeAPlainDumpCannotBeTestedWhichSaysNothingAgainstIt() throws Exception {
        // (echo '\connect shop'; pg_dump shop) > shop.sql, so that psql -f shop.sql lands in the right database
        String dump = Files.readString(RealTools.pgDump(source, "shop", 'p', dumps.resolve("shop-plain.sql")));
        Path chosen = Files.writeString(dumps.resolve("chosen.sql"), "\\connect shop\n" + dump);

        DatabaseRestorer.Outcome outcome = RealTools.restoreOnce(named(), CREDENTIALS, scratch,
                DumpSource.local(chosen), DumpFormat.POSTGRES_PLAIN);

        assertThat(outcome.restored()).isFalse();
        assertThat(outcome.dumpAtFault()).as(outcome.problem()).isFalse();
        assertThat(outcome.problem()).contains("connects to a database it does not create (\\connect shop),",
                "cannot test this file");
    }

    @Test
    void severalPlainDumpsInOneFileCannotBeRestoreTestedAndSaySoRatherThanAlreadyExists() throws Exception {
        // for db in shop branch; do pg_dump $db; done > all.sql: two databases with the same tables
        RealTools.execute(source, "postgres", "CREATE DATABASE branch");
        RealTools.execute(source, "branch", "CREATE TABLE orders (id int)", "INSERT INTO orders VALUES (1)");
        String first = Files.readString(RealTools.pgDump(source, "shop", 'p', dumps.resolve("shop-one.sql")));
        String second = Files.readString(RealTools.pgDump(source, "branch", 'p', dumps.resolve("branch.sql")));
        Path both = Files.writeString(dumps.resolve("both-plain.sql"), first + second);

        DatabaseRestorer.Outcome outcome = RealTools.restoreOnce(named(), CREDENTIALS, scratch,
                DumpSource.local(both), DumpFormat.POSTGRES_PLAIN);

        assertThat(outcome.restored()).isFalse();
        assertThat(outcome.dumpAtFault()).as(outcome.problem()).isFalse();
        assertThat(outcome.problem()).contains("several pg_dump dumps one after another", "cannot test this file")
                .doesNotContain("already exists");
    }

    @Test
    void aDumpThatQuitsPsqlPartWayNeverPasses() throws Exception {
        // psql would quit at \q with exit 0, the rest of the dump unread (an old dump has no \restrict to stop it)
        RealTools.execute(source, "postgres", "CREATE DATABASE quitter");
        RealTools.execute(source, "quitter", "CREATE TABLE lines AS SELECT g AS id, repeat('x', 40) AS text "
                + "FROM generate_series(1, 20000) g");
        Path dump = RealTools.pgDump(source, "quitter", 'p', dumps.resolve("quitter.sql"));
        String text = Files.readString(dump).replaceAll("(?m)^\\\\(un)?restrict .*$", "");
        int copy = text.indexOf("\nCOPY ");
        Path quits = Files.writeString(dumps.resolve("quits.sql"), text.substring(0, copy) + "\n\\q\n"
                + text.substring(copy));
        assertThat(Files.size(quits) - copy).as("far more left than a pipe holds").isGreaterThan(8L << 16);

        DatabaseRestorer.Outcome outcome = RealTools.restoreOnce(named(), CREDENTIALS, scratch, DumpSource.local(quits),
                DumpFormat.POSTGRES_PLAIN);

        assertThat(outcome.restored()).isFalse();
        assertThat(outcome.dumpAtFault()).as(outcome.problem()).isTrue();
        assertThat(outcome.problem()).contains("line " + ((text.substring(0, copy) + "\n").lines().count() + 1)
                + " of the dump holds a psql meta-command");
    }

    /**
     * psql obeys meta-commands anywhere outside quotes, and {@code \!} runs a shell command: a restore test must
     * never run one, whether the dump is older than pg_dump's {@code \restrict} or lifts its own restriction.
     */
    @ParameterizedTest
    @ValueSource(strings = {"line", "mid-line", "own-key"})
    void aDumpsShellCommandsAreNeverRunAndTheDumpFailsNamingTheLine(String where) throws Exception {
        Path marker = scratch.resolveSibling(scratch.getFileName() + "-pwned-" + where);
        String text = Files.readString(dumps.resolve("shop.p"));
        String key = text.lines().filter(line -> line.startsWith("\\restrict ")).findFirst().orElseThrow()
                .substring("\\restrict ".length());
        String old = text.replaceAll("(?m)^\\\\(un)?restrict .*\n", "");
        String base = where.equals("own-key") ? text : old;
        int at = base.indexOf("\nCREATE TABLE") + 1;
        String shell = "\\! touch " + marker;
        String injected = switch (where) {
            case "line" -> shell + "\n";
            case "mid-line" -> "SELECT 1; " + shell + "\n";
            default -> "\\unrestrict " + key + "\n" + shell + "\n";
        };
        Path hostile = Files.writeString(dumps.resolve("hostile-" + where + ".sql"), base.substring(0, at) + injected
                + base.substring(at));
        long line = base.substring(0, at).lines().count() + (where.equals("own-key") ? 2 : 1);

        DatabaseRestorer.Outcome outcome = RealTools.restoreOnce(named(), CREDENTIALS, scratch,
                DumpSource.local(hostile), DumpFormat.POSTGRES_PLAIN);

        assertThat(marker).as("the dump's shell command ran").doesNotExist();
        assertThat(outcome.restored()).isFalse();
        assertThat(outcome.dumpAtFault()).as(outcome.problem()).isTrue();
        assertThat(outcome.problem()).contains("line " + line + " of the dump", "meta-command");
    }

    @Test
    void aPlainDumpWithoutItsTrailerFailsEvenWhenEveryStatementBeforeWorks() throws Exception {
        String text = Files.readString(dumps.resolve("shop.p"));
        String head = text.substring(0, text.indexOf("-- PostgreSQL database dump complete"));
        Path cut = Files.writeString(dumps.resolve("no-trailer.sql"), head);

        DatabaseRestorer.Outcome outcome = RealTools.restoreOnce(named(), CREDENTIALS, scratch, DumpSource.local(cut),
                DumpFormat.POSTGRES_PLAIN);

        assertThat(outcome.dumpAtFault()).isTrue();
        assertThat(outcome.problem()).contains("cut short").contains("-- PostgreSQL database dump complete");
    }

    @Test
    void aDirectoryDumpMissingATableFileFails() throws Exception {
        Path copy = dumps.resolve("broken.d");
        Files.createDirectories(copy);
        try (var files = Files.list(dumps.resolve("shop.d"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        try (var files = Files.list(copy)) {
            Path data = files.filter(p -> p.getFileName().toString().endsWith(".dat.gz")).findFirst().orElseThrow();
            Files.delete(data);
        }

        DatabaseRestorer.Outcome outcome = RealTools.restoreOnce(named(), CREDENTIALS, scratch, DumpSource.local(copy),
                DumpFormat.POSTGRES_DIRECTORY);

        assertThat(outcome.dumpAtFault()).as(outcome.problem()).isTrue();
        assertThat(outcome.problem()).startsWith("pg_restore failed");
    }

    /**
     * pg_dump of the wrong, empty database, or a schema-only dump (pg_dump -s), restores without an error and
     * leaves nothing to restore from: the restore test must not pass it.
     */
    @ParameterizedTest
    @ValueSource(chars = {'c', 'p'})
    void aDumpThatRestoresNoRowFails(char format) throws Exception {
        RealTools.execute(source, "postgres", "CREATE DATABASE empty");
        Path empty = dumps.resolve("empty." + format);
        Path schemaOnly = dumps.resolve("schema-only." + format);
        RealTools.pgDump(source, "empty", format, empty);
        RealTools.pgDump(source, "shop", format, schemaOnly, "--schema-only");
        DumpFormat detected = DumpDetector.detect(empty).orElseThrow();
        try {
            DatabaseRestorer.Outcome nothing = RealTools.restoreOnce(named(), CREDENTIALS, scratch,
                    DumpSource.local(empty), detected);
            DatabaseRestorer.Outcome noRows = RealTools.restoreOnce(named(), CREDENTIALS, scratch,
                    DumpSource.local(schemaOnly), detected);

            assertThat(nothing.restored()).isFalse();
            assertThat(nothing.dumpAtFault()).as(nothing.problem()).isTrue();
            assertThat(nothing.problem()).contains("restored no table");
            assertThat(noRows.dumpAtFault()).as(noRows.problem()).isTrue();
            assertThat(noRows.problem()).contains("2 tables").contains("not one row").contains("schema-only");
        } finally {
            RealTools.execute(source, "postgres", "DROP DATABASE empty");
        }
    }

    @Test
    void failedValidationsNameWhatFailedAndStatementsAreLimitedAndReadOnly() throws Exception {
        String sleeping = "select pg_sleep(" + RealTools.LONGER_THAN_THE_LIMIT + ") is not null";
        SqlValidator.Result result = RealTools.validateAfterRestore(named(), CREDENTIALS, scratch,
                dumps.resolve("shop.c"), DumpFormat.POSTGRES_CUSTOM, List.of(
                        new SqlValidation.TablesExist(List.of("orders", "invoices")),
                        new SqlValidation.MinRows(Map.of("orders", 5001L)),
                        new SqlValidation.SqlIsTrue("select count(*) > 10000 from orders"),
                        new SqlValidation.SqlIsTrue("select count(*) from no_such_table"),
                        new SqlValidation.SqlIsTrue(sleeping),
                        new SqlValidation.SqlIsTrue("create table sneaky (id int)"),
                        new SqlValidation.SqlIsTrue("select true")), session -> {
                    try (Connection connection = session.database().connect()) {
                        assertThat(Dialect.POSTGRES.resolveTable(connection, "sneaky")).isEmpty();
                    }
                });

        assertThat(result.findings()).extracting(Finding::item, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("table invoices", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("table orders", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("sql: select count(*) > 10000 from orders", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("sql: select count(*) from no_such_table", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("sql: " + sleeping, Status.ERROR),
                org.assertj.core.groups.Tuple.tuple("sql: create table sneaky (id int)", Status.FAIL));
        assertThat(result.findings().get(1).message()).contains("5000 rows, fewer than the 5001");
        assertThat(result.findings().get(2).message()).contains("returned false");
        assertThat(result.findings().get(3).message()).contains("no_such_table");
        assertThat(result.findings().get(4).message()).contains("statement timeout");
        assertThat(result.findings().get(5).message()).contains("read-only");
        assertThat(result.passed()).isEqualTo(1);
    }

    @Test
    void aNamedServerGetsAFreshDatabaseThatIsAlwaysDroppedAndStaleOnesGo() throws Exception {
        String stale = "bv_scratch_" + NOW.minus(Duration.ofDays(2)).getEpochSecond() + "_0badf00d";
        String young = "bv_scratch_" + NOW.minus(Duration.ofHours(2)).getEpochSecond() + "_0000beef";
        RealTools.execute(source, "postgres", "CREATE DATABASE " + stale, "CREATE DATABASE " + young);
        String name;
        try (DatabaseRestoreSession session = DatabaseRestoreSession.open(named(), CREDENTIALS, scratch, NOW)) {
            name = session.database().name();
            assertThat(session.notes()).singleElement().asString().contains("dropped stale scratch database " + stale);
            assertThat(databases()).contains(name, young).doesNotContain(stale);
            DatabaseRestorer.Outcome outcome = session.restore(DumpSource.local(dumps.resolve("shop.t")), DumpFormat.POSTGRES_TAR, 1,
                    Duration.ofMinutes(2));
            assertThat(outcome.restored()).as(outcome.problem()).isTrue();
            assertThat(session.validate(shopChecks(), Duration.ofSeconds(30)).findings()).isEmpty();
            assertThat(session.database().jdbcUrl()).doesNotContain(SECRET);
            assertThat(String.join("\n", session.cleanUp())).doesNotContain(SECRET);
        }
        assertThat(databases()).doesNotContain(name).contains("shop", young);
        try (var files = Files.list(scratch)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void aServerWhoseTemplate1HoldsLocalAdditionsStillRestoresACorrectDump() throws Exception {
        // createdb copies template1; a site that added a table or extension there would make a correct dump FAIL
        // with "already exists": the scratch database is copied from template0, as PostgreSQL advises for restores
        RealTools.execute(source, "template1", "CREATE TABLE public.orders (local_addition int)");
        try (DatabaseRestoreSession session = DatabaseRestoreSession.open(named(), CREDENTIALS, scratch, NOW)) {
            DatabaseRestorer.Outcome outcome = session.restore(DumpSource.local(dumps.resolve("shop.c")),
                    DumpFormat.POSTGRES_CUSTOM, 1, Duration.ofMinutes(2));
            assertThat(outcome.restored()).as(outcome.problem()).isTrue();
            assertThat(session.validate(shopChecks(), Duration.ofSeconds(30)).findings()).isEmpty();
            session.cleanUp();
        } finally {
            RealTools.execute(source, "template1", "DROP TABLE public.orders");
        }
    }

    @Test
    void aNamedServerThatRefusesTheLoginIsAnErrorWithoutTheSecret() {
        CredentialResolver credentials = CredentialResolver.of(Map.of("pg",
                new UsernamePassword("nobody-here", SecretValue.of(SECRET))));
        String url = "jdbc:postgresql://127.0.0.1:1/postgres";
        DatabaseRestoreOptions options = new DatabaseRestoreOptions(true, Optional.empty(), null, url, "pg", 1,
                Duration.ofSeconds(30));
        assertThatThrownBy(() -> DatabaseRestoreSession.open(options, credentials, scratch, NOW))
                .isInstanceOf(DatabaseRestoreSession.SetupException.class)
                .hasMessageContaining("cannot create a scratch database on PostgreSQL server 127.0.0.1:1")
                .hasMessageNotContaining(SECRET);
        DatabaseRestoreOptions unknown = new DatabaseRestoreOptions(true, Optional.empty(), null, url, "missing", 1,
                Duration.ofSeconds(30));
        assertThatThrownBy(() -> DatabaseRestoreSession.open(unknown, credentials, scratch, NOW))
                .hasMessageContaining("credentials 'missing' were not found");
    }

    @Test
    void theDumpIsFoundAmongTheBackupsFilesByContent() throws IOException {
        Map<String, Path> files = new java.util.LinkedHashMap<>();
        files.put("shop.bin", dumps.resolve("shop.c"));
        files.put("SHA256SUMS", Files.writeString(dumps.resolve("sums"), "abc  shop.bin\n"));
        DumpLocator.HeadReader reader = (name, bytes) -> {
            try (var in = Files.newInputStream(files.get(name))) {
                return in.readNBytes(bytes);
            }
        };
        DumpLocator.Located located = DumpLocator.locate(List.copyOf(files.keySet()), reader, true,
                Optional.empty(), null);
        assertThat(located.name()).isEqualTo("shop.bin");
        assertThat(located.format()).isEqualTo(DumpFormat.POSTGRES_CUSTOM);
        assertThat(DumpLocator.locate(List.copyOf(files.keySet()), reader, false, Optional.empty(), null).problem())
                .startsWith("no MySQL/MariaDB dump found in the backup")
                .contains("shop.bin (PostgreSQL custom-format dump)", "SHA256SUMS (not a dump)");
        assertThat(DumpLocator.locate(List.copyOf(files.keySet()), reader, true,
                Optional.of(DumpFormat.POSTGRES_PLAIN), null).problem()).startsWith("no PostgreSQL plain SQL dump");
        files.put("shop.sql", dumps.resolve("shop.p"));
        assertThat(DumpLocator.locate(List.copyOf(files.keySet()), reader, true, Optional.empty(), null).problem())
                .contains("holds 2 PostgreSQL dumps").contains("file:");
        assertThat(DumpLocator.locate(List.copyOf(files.keySet()), reader, true, Optional.empty(), "*.sql").name())
                .isEqualTo("shop.sql");
        try (var listing = Files.list(dumps.resolve("shop.d"))) {
            for (Path file : listing.toList()) {
                files.put("db/shop.d/" + file.getFileName(), file);
            }
        }
        DumpLocator.Located directory = DumpLocator.locate(List.copyOf(files.keySet()), reader, true,
                Optional.of(DumpFormat.POSTGRES_DIRECTORY), null);
        assertThat(directory.name()).isEqualTo("db/shop.d");
    }

    private static Path onlyChild(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.findFirst().orElseThrow();
        }
    }

    private static List<String> databases() throws Exception {
        try (Connection connection = source.connectAdmin()) {
            return Dialect.POSTGRES.databases(connection);
        }
    }
}
