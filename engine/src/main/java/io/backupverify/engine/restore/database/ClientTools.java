package io.backupverify.engine.restore.database;

import io.backupverify.engine.credentials.SecretValue;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the database client tools and builds their command lines for one scratch database. A password goes into a
 * file readable only by this user ({@code PGPASSFILE}, {@code --defaults-extra-file}), never into the arguments.
 */
final class ClientTools {
    private static final List<String> EXTRA_FOLDERS = List.of("/usr/sbin", "/usr/local/sbin", "/usr/local/bin");

    private ClientTools() {
    }

    /** The first of the names found on the PATH, in the usual system folders or PostgreSQL's versioned folders. */
    static Optional<Path> find(String... names) {
        List<Path> folders = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(File.pathSeparator)) {
                if (!folder.isBlank()) {
                    folders.add(Path.of(folder));
                }
            }
        }
        EXTRA_FOLDERS.forEach(folder -> folders.add(Path.of(folder)));
        List<Path> versioned = postgresBinFolders();
        folders.addAll(versioned);
        for (String name : names) {
            for (Path folder : folders) {
                Path candidate = folder.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(isPgWrapper(candidate) ? newest(versioned, name).orElse(candidate)
                            : candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the tool is Debian's pg_wrapper, a Perl script that picks a version and runs it. Given {@code --host}
     * (as the restore always is) it runs the newest installed version, whatever {@code PGCLUSTER} says; that
     * version is run directly instead, without the script's start-up.
     */
    private static boolean isPgWrapper(Path tool) {
        try {
            return tool.toRealPath().getFileName().toString().equals("pg_wrapper");
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> newest(List<Path> versioned, String name) {
        return versioned.stream().map(folder -> folder.resolve(name))
                .filter(tool -> Files.isRegularFile(tool) && Files.isExecutable(tool)).findFirst();
    }

    /** Debian's /usr/lib/postgresql/NN/bin folders, newest first. */
    private static List<Path> postgresBinFolders() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .sorted(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString()))
                            .reversed())
                    .map(p -> p.resolve("bin")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static Path require(String purpose, String... names) throws MissingToolException {
        return find(names).orElseThrow(() -> new MissingToolException(names[0] + " is not installed; it is needed "
                + purpose + " (Debian: " + packageOf(names[0]) + ")"));
    }

    private static String packageOf(String tool) {
        return tool.startsWith("pg_") || tool.equals("psql") ? "apt-get install postgresql-client-15"
                : "apt-get install mariadb-client";
    }

    /** A command for one database with its environment; the password file lives in {@code workDir}. */
    record Invocation(List<String> command, Map<String, String> environment) {
    }

    static Invocation postgres(Path tool, ScratchServer server, String database, List<String> options,
            Path workDir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.addAll(List.of("--host", server.address().host(), "--port", String.valueOf(server.address().port()),
                "--username", server.user(), "--no-password", "--dbname", database));
        command.addAll(options);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PGCONNECT_TIMEOUT", "30");
        environment.put("PGAPPNAME", "backup-verify restore test");
        environment.put("PGOPTIONS", "");
        server.address().parameter("sslmode").ifPresent(mode -> environment.put("PGSSLMODE", mode));
        Optional<SecretValue> password = server.password();
        Path passFile = workDir.resolve(".pgpass");
        if (password.isPresent()) {
            String line = String.join(":", escapePgpass(server.address().host()),
                    String.valueOf(server.address().port()), "*", escapePgpass(server.user()),
                    escapePgpass(password.get().reveal()));
            writePrivate(passFile, line + "\n");
        }
        // an empty or absent file, never the user's own ~/.pgpass
        environment.put("PGPASSFILE", passFile.toString());
        return new Invocation(command, environment);
    }

    static Invocation mariadb(Path tool, ScratchServer server, String database, List<String> options,
            Path workDir) throws IOException {
        Path optionFile = workDir.resolve(".my.cnf");
        StringBuilder config = new StringBuilder("[client]\n");
        config.append("user=\"").append(escapeOption(server.user())).append("\"\n");
        server.password().ifPresent(secret ->
                config.append("password=\"").append(escapeOption(secret.reveal())).append("\"\n"));
        writePrivate(optionFile, config.toString());
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.add("--defaults-file=" + optionFile);
        command.addAll(List.of("--protocol=TCP", "--host=" + server.address().host(),
                "--port=" + server.address().port(), "--database=" + database));
        command.addAll(options);
        return new Invocation(command, Map.of());
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static String escapePgpass(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:");
    }

    private static String escapeOption(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** A client tool the restore needs is not installed: the restore test cannot run (ERROR). */
    static final class MissingToolException extends Exception {
        private static final long serialVersionUID = 1L;

        MissingToolException(String message) {
            super(message);
        }
    }
}
