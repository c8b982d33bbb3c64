package io.backupverify.engine.restore.database;

import io.backupverify.engine.plan.JdbcUrl;
import io.backupverify.engine.credentials.SecretValue;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server started for one restore test from the system's {@code mariadb-server} package: an unprivileged
 * process (user {@code nobody} when the engine runs as root) on a free loopback port, with a random root password,
 * its data in a folder of its own.
 */
public final class MariaDbServer implements ScratchServer {
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String UNPRIVILEGED = "nobody";
    private static final int PORT_TRIES = 3;

    private final Process process;
    private final JdbcUrl address;
    private final SecretValue password;

    private MariaDbServer(Process process, int port, SecretValue password) {
        this.process = process;
        this.address = new JdbcUrl("mariadb", "127.0.0.1", port, "", "");
        this.password = password;
    }

    /**
     * Initialises a data folder in {@code home} and starts the server.
     *
     * @throws IOException when the server package is missing or the server does not start; the message says why
     */
    public static MariaDbServer start(Path home, Duration limit) throws IOException, InterruptedException {
        Path server = ClientTools.find("mariadbd", "mysqld").orElseThrow(() -> new IOException(
                "the MariaDB server (mariadbd) is not installed: install mariadb-server (Debian: apt-get install "
                        + "mariadb-server) or name a server with database.url"));
        Path installer = ClientTools.find("mariadb-install-db", "mysql_install_db").orElseThrow(() ->
                new IOException("mariadb-install-db is not installed: install mariadb-server"));
        boolean root = isRoot();
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (root) {
            UserPrincipalLookupService users = home.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(home, users.lookupPrincipalByName(UNPRIVILEGED));
        }
        Path data = home.resolve("data");
        // its own temporary folder: the system's may not be writable for the unprivileged user
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        if (root) {
            Files.setOwner(tmp, home.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(UNPRIVILEGED));
        }
        List<String> install = new ArrayList<>(List.of(installer.toString(), "--no-defaults",
                "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db",
                "--skip-name-resolve", "--innodb-log-file-size=16M", "--tmpdir=" + tmp));
        if (root) {
            install.add("--user=" + UNPRIVILEGED);
        }
        ToolRun.Outcome installed = new ToolRun(install, Map.of(), home).run(limit);
        if (!installed.succeeded()) {
            throw new IOException("mariadb-install-db failed" + (installed.timedOut() ? " (time limit)" : "")
                    + ": " + installed.outputTail().lines().filter(line -> line.contains("[ERROR]")).limit(3)
                            .reduce((a, b) -> a + " / " + b).orElse(installed.lastLines(3)));
        }
        // The free port is found before the server binds it: another process may take it meanwhile (a client's
        // outgoing connection can get it as its local port). Then the server stops at once, and a new port is tried.
        for (int attempt = 1; ; attempt++) {
            try {
                return start(server, home, data, tmp, root);
            } catch (PortTakenException e) {
                if (attempt >= PORT_TRIES) {
                    throw new IOException(e.getMessage());
                }
            }
        }
    }

    private static MariaDbServer start(Path server, Path home, Path data, Path tmp, boolean root)
            throws IOException, InterruptedException {
        Files.deleteIfExists(home.resolve("error.log"));
        SecretValue password = SecretValue.of(HexFormat.of().formatHex(randomBytes(18)));
        Path init = home.resolve("init.sql");
        Files.writeString(init, initStatements(password), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rw-------"));
        if (root) {
            Files.setOwner(init, home.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(UNPRIVILEGED));
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(server.toString(), "--no-defaults", "--datadir=" + data,
                "--socket=" + home.resolve("mysqld.sock"), "--port=" + port, "--bind-address=127.0.0.1",
                "--skip-name-resolve", "--pid-file=" + home.resolve("mariadbd.pid"),
                "--log-error=" + home.resolve("error.log"), "--init-file=" + init, "--tmpdir=" + tmp,
                "--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0", "--skip-log-bin",
                "--max-allowed-packet=1G"));
        if (root) {
            command.add("--user=" + UNPRIVILEGED);
        }
        Process process = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("output.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        MariaDbServer started = new MariaDbServer(process, port, password);
        try {
            started.awaitReady(home);
        } catch (IOException | InterruptedException | RuntimeException e) {
            started.close();
            throw e;
        } finally {
            Files.deleteIfExists(init);
        }
        return started;
    }

    /**
     * Where a server's folder can go: in {@code scratchParent}, unless the engine runs as root and the unprivileged
     * server could not reach it (a private folder on the way); then in the system's temporary folder.
     */
    static Path homeParent(Path scratchParent) {
        if (!isRoot() || reachableByOthers(scratchParent)) {
            return scratchParent;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static boolean reachableByOthers(Path folder) {
        try {
            for (Path at = folder.toAbsolutePath(); at != null; at = at.getParent()) {
                if (Files.exists(at) && !Files.getPosixFilePermissions(at)
                        .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String initStatements(SecretValue password) {
        StringBuilder sql = new StringBuilder();
        for (String host : List.of("localhost", "127.0.0.1", "::1")) {
            sql.append("ALTER USER IF EXISTS 'root'@'").append(host).append("' IDENTIFIED BY '")
                    .append(password.reveal()).append("';\n");
        }
        return sql.toString();
    }

    private void awaitReady(Path home) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String message = "the MariaDB server stopped while starting (exit " + process.exitValue() + ")"
                        + ServerLog.lastLines(home.resolve("error.log"), 4);
                throw portTaken(home.resolve("error.log")) ? new PortTakenException(message) : new IOException(message);
            }
            try (Connection ignored = connectAdmin()) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IOException("the MariaDB server did not accept connections within " + STARTUP.toSeconds() + "s"
                + (last == null ? "" : ": " + last.getMessage()) + ServerLog.lastLines(home.resolve("error.log"), 4));
    }

    /** The server could not listen on the port chosen for it: another process took it first. */
    private static final class PortTakenException extends IOException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }

    /** Whether the server's log says it could not bind its port ("Can't start server: Bind on TCP/IP port"). */
    private static boolean portTaken(Path errorLog) {
        try {
            return Files.isRegularFile(errorLog) && Files.readString(errorLog, StandardCharsets.ISO_8859_1)
                    .contains("Bind on TCP/IP port");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    @Override
    public Dialect dialect() {
        return Dialect.MARIADB;
    }

    @Override
    public JdbcUrl address() {
        return address;
    }

    @Override
    public String description() {
        return "scratch MariaDB on 127.0.0.1:" + address.port();
    }

    @Override
    public String user() {
        return "root";
    }

    @Override
    public Optional<SecretValue> password() {
        return Optional.of(password);
    }

    @Override
    public boolean startedForTest() {
        return true;
    }

    /** Stops the server: a clean shutdown first, then a kill. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
