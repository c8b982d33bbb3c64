package io.backupverify.engine.restore.database;

import io.backupverify.engine.util.Glob;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the dump to restore in a fetched backup: the backup itself when it is a file or a directory-format dump,
 * else the one file (or dump folder) below it whose content is a dump of the wanted kind, optionally narrowed by a
 * file-name pattern.
 */
public final class DumpLocator {
    private DumpLocator() {
    }

    /** The dump found, or why none could be taken. */
    public record Located(Optional<Path> dump, Optional<DumpFormat> format, String problem) {
        static Located found(Path dump, DumpFormat format) {
            return new Located(Optional.of(dump), Optional.of(format), "");
        }

        static Located missing(String problem) {
            return new Located(Optional.empty(), Optional.empty(), problem);
        }
    }

    /**
     * @param postgres whether PostgreSQL dumps are wanted (else MySQL/MariaDB ones)
     * @param wanted   the format the plan names, or empty for any of the kind
     * @param pattern  a glob on the path below the backup, or null
     */
    public static Located locate(Path backup, boolean postgres, Optional<DumpFormat> wanted, String pattern)
            throws IOException {
        List<Path> candidates = new ArrayList<>();
        if (Files.isRegularFile(backup) || DumpDetector.detect(backup).isPresent()) {
            candidates.add(backup);
        } else {
            collect(backup, pattern, candidates);
        }
        List<Path> matching = new ArrayList<>();
        List<String> others = new ArrayList<>();
        DumpFormat format = null;
        for (Path candidate : candidates) {
            Optional<DumpFormat> detected = DumpDetector.detect(candidate);
            if (detected.isPresent() && detected.get().isPostgres() == postgres
                    && (wanted.isEmpty() || wanted.get() == detected.get())) {
                matching.add(candidate);
                format = detected.get();
            } else {
                others.add(name(backup, candidate) + detected.map(f -> " (" + f.description() + ")")
                        .orElse(" (not a dump)"));
            }
        }
        String kind = wanted.map(DumpFormat::description)
                .orElse(postgres ? "PostgreSQL dump" : "MySQL/MariaDB dump");
        if (matching.size() == 1) {
            return Located.found(matching.get(0), format);
        }
        if (matching.isEmpty()) {
            return Located.missing("no " + kind + " found in the backup" + (others.isEmpty() ? ""
                    : ": " + String.join(", ", others.subList(0, Math.min(5, others.size())))
                            + (others.size() > 5 ? ", ..." : "")));
        }
        return Located.missing("the backup holds " + matching.size() + " " + kind + "s ("
                + String.join(", ", matching.stream().limit(5).map(p -> name(backup, p)).toList())
                + "): name the one to restore with file:");
    }

    private static void collect(Path root, String pattern, List<Path> found) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && DumpDetector.detect(dir).isPresent()) {
                    if (matches(root, dir, pattern)) {
                        found.add(dir);
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && matches(root, file, pattern)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean matches(Path root, Path file, String pattern) {
        if (pattern == null) {
            return true;
        }
        Glob glob = Glob.compile(pattern);
        return glob.matches(name(root, file)) || glob.matches(file.getFileName().toString());
    }

    private static String name(Path root, Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        return relative.isEmpty() ? file.getFileName().toString() : relative;
    }
}
