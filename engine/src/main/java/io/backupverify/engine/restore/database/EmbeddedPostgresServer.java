package io.backupverify.engine.restore.database;

import io.backupverify.engine.plan.JdbcUrl;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.restore.TreeRemover;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A PostgreSQL 15 server started for one restore test from the binaries bundled with the engine (no installation
 * needed), listening on a free loopback port, its data in a scratch folder that goes when it stops.
 */
public final class EmbeddedPostgresServer implements ScratchServer {
    private static final int PORT_TRIES = 3;

    private final EmbeddedPostgres postgres;
    private final JdbcUrl address;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.address = new JdbcUrl("postgresql", "127.0.0.1", postgres.getPort(), "postgres", "");
    }

    /**
     * Starts a server whose files live in {@code home} (a folder of its own, removed by the caller).
     *
     * @throws IOException when it does not start; the message ends with the server's last log lines
     */
    public static EmbeddedPostgresServer start(Path home) throws IOException {
        // The library finds a free port before the server binds it: another process may take it meanwhile (a
        // client's outgoing connection can get it as its local port). Then the server stops at once; try another.
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(home);
            } catch (IOException e) {
                if (attempt >= PORT_TRIES || !portTaken(home.resolve("postgres.log"))) {
                    throw e;
                }
                Files.deleteIfExists(home.resolve("postgres.log"));
                TreeRemover.remove(home.resolve("data"));
            }
        }
    }

    /** Whether the server's log says it could not listen on its port. */
    private static boolean portTaken(Path log) {
        try {
            return Files.isRegularFile(log)
                    && Files.readString(log, StandardCharsets.ISO_8859_1).contains("Address already in use");
        } catch (IOException e) {
            return false;
        }
    }

    private static EmbeddedPostgresServer startOnce(Path home) throws IOException {
        Path log = home.resolve("postgres.log");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(home.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException | RuntimeException e) {
            throw new IOException("the embedded PostgreSQL did not start: " + describe(e)
                    + ServerLog.lastLines(log, 5), e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRES;
    }

    @Override
    public JdbcUrl address() {
        return address;
    }

    @Override
    public String description() {
        return "embedded PostgreSQL 15 on 127.0.0.1:" + address.port();
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public Optional<SecretValue> password() {
        return Optional.empty();
    }

    @Override
    public boolean startedForTest() {
        return true;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // the process is gone or its folder is removed with the scratch folder
        }
    }
}
