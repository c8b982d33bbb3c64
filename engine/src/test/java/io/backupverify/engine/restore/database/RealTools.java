package io.backupverify.engine.restore.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.credentials.CredentialResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real database tools (pg_dump, mariadb-dump) for tests, and SQL against real servers. */
final class RealTools {
    private RealTools() {
    }

    /** Runs a command to its end, failing the test with its output when it fails. */
    static String run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("tool", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command[0]).isTrue();
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), text).isZero();
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** pg_dump of a database of a server with trust authentication, in the given format (c, d, t, p). */
    static Path pgDump(ScratchServer server, String database, char format, Path target, String... more)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ClientTools.find("pg_dump").orElseThrow().toString(),
                "--host", server.address().host(), "--port", String.valueOf(server.address().port()),
                "--username", server.user(), "--format=" + format, "--file=" + target, database));
        command.addAll(List.of(more));
        run(Map.of(), command.toArray(String[]::new));
        return target;
    }

    /** pg_dumpall of a whole server with trust authentication: roles, tablespaces and every database, as SQL. */
    static Path pgDumpall(ScratchServer server, Path target) throws IOException, InterruptedException {
        run(Map.of(), ClientTools.find("pg_dumpall").orElseThrow().toString(), "--host", server.address().host(),
                "--port", String.valueOf(server.address().port()), "--username", server.user(), "--file=" + target);
        return target;
    }

    /** mariadb-dump of a database of a server (its password given in an option file). */
    static Path mariadbDump(ScratchServer server, Path workDir, Path target, String... databases)
            throws IOException, InterruptedException {
        ClientTools.Invocation invocation = ClientTools.mariadb(
                ClientTools.find("mariadb-dump", "mysqldump").orElseThrow(), server, databases[0],
                List.of("--result-file=" + target), workDir);
        List<String> command = new ArrayList<>(invocation.command());
        command.removeIf(arg -> arg.startsWith("--database="));
        command.addAll(List.of(databases));
        run(Map.of(), command.toArray(String[]::new));
        return target;
    }

    static void execute(ScratchServer server, String database, String... statements) throws SQLException {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** What a test looks at in the scratch database before its session is cleaned up. */
    @FunctionalInterface
    interface SessionCheck {
        void inspect(DatabaseRestoreSession session) throws Exception;
    }

    /** Restores a dump into a fresh scratch database, and cleans it up; what the restore came to. */
    static DatabaseRestorer.Outcome restoreOnce(DatabaseRestoreOptions options, CredentialResolver credentials,
            Path scratch, DumpSource dump, DumpFormat format) throws Exception {
        try (DatabaseRestoreSession session = DatabaseRestoreSession.open(options, credentials, scratch,
                Instant.now())) {
            return session.restore(dump, format, 1, Duration.ofMinutes(2));
        }
    }

    /**
     * The statement limit of {@link #validateAfterRestore}: ample for the tests' small queries on a loaded machine, so
     * that only a statement that sleeps far longer ({@link #LONGER_THAN_THE_LIMIT} seconds) meets it.
     */
    static final Duration STATEMENT_LIMIT = Duration.ofSeconds(10);
    static final int LONGER_THAN_THE_LIMIT = 300;

    /**
     * Restores a whole dump, runs the validations with the {@link #STATEMENT_LIMIT} and hands the session to
     * {@code inspect} before it is cleaned up; the validations' result.
     */
    static SqlValidator.Result validateAfterRestore(DatabaseRestoreOptions options, CredentialResolver credentials,
            Path scratch, Path dump, DumpFormat format, List<SqlValidation> validations, SessionCheck inspect)
            throws Exception {
        try (DatabaseRestoreSession session = DatabaseRestoreSession.open(options, credentials, scratch,
                Instant.now())) {
            DatabaseRestorer.Outcome outcome = session.restore(DumpSource.local(dump), format, 1,
                    Duration.ofMinutes(2));
            assertThat(outcome.restored()).as(outcome.problem()).isTrue();
            SqlValidator.Result result = session.validate(validations, STATEMENT_LIMIT);
            inspect.inspect(session);
            return result;
        }
    }

    /** A copy of the first {@code bytes} bytes of a file: a dump whose job died halfway. */
    static Path cut(Path file, long bytes, Path target) throws IOException {
        try (var in = Files.newInputStream(file); var out = Files.newOutputStream(target)) {
            out.write(in.readNBytes((int) bytes));
        }
        return target;
    }

    static List<String> list(Path folder) throws IOException {
        try (var children = Files.list(folder)) {
            return children.map(path -> path.getFileName().toString()).toList();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var children = Files.list(from)) {
            for (Path child : children.toList()) {
                Files.copy(child, to.resolve(child.getFileName().toString()));
            }
        }
    }

    /** A real PostgreSQL holding the test shop: 200 customers and 5000 orders in database {@code shop}. */
    static EmbeddedPostgresServer shopServer(Path home) throws IOException, SQLException {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(home);
        execute(server, "postgres", "CREATE DATABASE shop");
        execute(server, "shop",
                "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE orders (id int PRIMARY KEY, customer int REFERENCES customers, total numeric)",
                "INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 200) g",
                "INSERT INTO orders SELECT g, 1 + g % 200, g * 1.25 FROM generate_series(1, 5000) g");
        return server;
    }
}
