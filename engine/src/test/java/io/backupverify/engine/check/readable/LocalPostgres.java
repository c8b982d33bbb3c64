package io.backupverify.engine.check.readable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's PostgreSQL server, started for a test in a temporary folder and reached through a Unix socket there
 * (no TCP port). initdb refuses root, so as root the server runs as the unprivileged {@code postgres} user.
 */
final class LocalPostgres implements AutoCloseable {
    private final Path bin;
    private final Path folder;
    private final List<String> asUser;

    private LocalPostgres(Path bin, Path folder, List<String> asUser) {
        this.bin = bin;
        this.folder = folder;
        this.asUser = asUser;
    }

    /** The newest installed server's programs, if any. */
    static Optional<Path> installed() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> list = Files.list(versions)) {
            return list.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_dump")))
                    .max(Comparator.comparing(Path::toString));
        }
    }

    static LocalPostgres start(Path bin) throws Exception {
        Path folder = Files.createTempDirectory("readable-pg");
        List<String> asUser = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(folder, users.lookupPrincipalByName("postgres"));
            asUser.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        LocalPostgres server = new LocalPostgres(bin, folder, asUser);
        server.run(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(), "-A", "trust", "-U",
                "pg", "--no-sync");
        server.run(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-w", "-l",
                folder.resolve("log").toString(), "-o", "-k " + folder + " -c listen_addresses='' -c fsync=off",
                "start");
        return server;
    }

    /** Runs SQL in a database. */
    void sql(String database, String sql) throws Exception {
        run(bin.resolve("psql").toString(), "-q", "-X",
                "-v", "ON_ERROR_STOP=1", "-h", folder.toString(), "-U", "pg", "-d", database, "-c", sql);
    }

    /** Runs pg_dump with options, writing with {@code -f} or to the shell redirection in {@code output}. */
    void dump(String database, String output, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_dump").toString(), "-h", folder.toString(),
                "-U", "pg"));
        command.addAll(List.of(options));
        command.add(database);
        StringBuilder shell = new StringBuilder();
        for (String word : command) {
            shell.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        shell.append(output);
        Process process = new ProcessBuilder("sh", "-c", shell.toString()).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pg_dump failed: " + text);
        }
    }

    private void run(String... command) throws Exception {
        List<String> full = new ArrayList<>(asUser);
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).directory(folder.toFile()).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + text);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            run(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "-w",
                    "stop");
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
