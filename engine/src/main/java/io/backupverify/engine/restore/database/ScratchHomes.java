package io.backupverify.engine.restore.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folders of servers started for restore tests ({@code backup-verify-db-<epoch seconds>-<random>}), and the
 * removal of those a killed run left behind: their server process, if still running, is stopped first.
 */
public final class ScratchHomes {
    static final String PREFIX = "backup-verify-db-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{9,12})-[0-9a-f]{8}");
    /** Pid files a server keeps below its home: PostgreSQL's and MariaDB's. */
    private static final List<String> PID_FILES = List.of("data/postmaster.pid", "mariadbd.pid");

    private ScratchHomes() {
    }

    /** Creates a new home folder in {@code parent}, readable only by this user. */
    public static Path create(Path parent, Instant now) throws IOException {
        Files.createDirectories(parent);
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        Path home = parent.resolve(PREFIX + now.getEpochSecond() + "-" + HexFormat.of().formatHex(random));
        return Files.createDirectory(home,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /**
     * Removes homes in {@code parent} made before {@code olderThan}, stopping their servers.
     *
     * @return the folders removed
     */
    public static List<Path> removeStale(Path parent, Instant olderThan) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return removed;
        }
        try (Stream<Path> children = Files.list(parent)) {
            for (Path child : children.toList()) {
                Matcher matcher = NAME.matcher(child.getFileName().toString());
                if (matcher.matches() && Files.isDirectory(child)
                        && Instant.ofEpochSecond(Long.parseLong(matcher.group(1))).isBefore(olderThan)) {
                    stopServer(child);
                    delete(child);
                    removed.add(child);
                }
            }
        } catch (IOException e) {
            // what could not be listed stays for a later run
        }
        return removed;
    }

    private static void stopServer(Path home) {
        for (String pidFile : PID_FILES) {
            readPid(home.resolve(pidFile)).flatMap(ProcessHandle::of).ifPresent(process -> {
                String command = process.info().command().orElse("");
                if (command.endsWith("postgres") || command.endsWith("mariadbd") || command.endsWith("mysqld")) {
                    process.destroy();
                    try {
                        process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        process.destroyForcibly();
                    }
                }
            });
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            String first = Files.readString(file, StandardCharsets.US_ASCII).strip().split("\\R", 2)[0].strip();
            return Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Deletes a folder tree without following symbolic links. */
    public static void delete(Path folder) {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // left for the next run's stale removal
        }
    }
}
