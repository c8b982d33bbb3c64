package io.backupverify.engine.restore.database;

import io.backupverify.engine.util.Glob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the dump to restore among a backup's files, by content: the one file whose first bytes are a dump of the
 * wanted kind, or the one folder holding a directory-format dump's {@code toc.dat}, optionally narrowed by a
 * file-name pattern. Names are relative to the backup and use {@code /}.
 */
public final class DumpLocator {
    private DumpLocator() {
    }

    /** Reads the first bytes of one of the backup's files. */
    @FunctionalInterface
    public interface HeadReader {
        byte[] head(String name, int bytes) throws IOException;
    }

    /**
     * The dump found ({@code name} is a file, or the folder of a directory-format dump, {@code ""} for the
     * backup itself), or why none could be taken.
     */
    public record Located(String name, DumpFormat format, String problem, boolean unsupported) {
        Located(String name, DumpFormat format, String problem) {
            this(name, format, problem, false);
        }

        public boolean found() {
            return format != null;
        }
    }

    /**
     * @param files    the backup's files
     * @param postgres whether PostgreSQL dumps are wanted (else MySQL/MariaDB ones)
     * @param wanted   the format the plan names, or empty for any of the kind
     * @param pattern  a glob on the name (or its last part), or null
     */
    public static Located locate(List<String> files, HeadReader reader, boolean postgres,
            Optional<DumpFormat> wanted, String pattern) throws IOException {
        List<Located> matching = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<String> clusterDumps = new ArrayList<>();
        for (String file : files) {
            String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
            boolean toc = file.equals(DumpDetector.TOC) || file.endsWith("/" + DumpDetector.TOC);
            if (toc && (pattern == null || matches(pattern, folder) || matches(pattern, file))) {
                if (DumpDetector.isToc(reader.head(file, DumpDetector.headBytes()))) {
                    consider(folder, DumpFormat.POSTGRES_DIRECTORY, postgres, wanted, matching, others);
                    continue;
                }
            }
            if (pattern != null && !matches(pattern, file)) {
                continue;
            }
            byte[] head = reader.head(file, DumpDetector.headBytes());
            Optional<DumpFormat> detected = DumpDetector.detect(head);
            if (detected.isPresent()) {
                consider(file, detected.get(), postgres, wanted, matching, others);
            } else if (DumpDetector.isClusterDump(head)) {
                clusterDumps.add(file);
                others.add(file + " (a pg_dumpall cluster dump)");
            } else {
                others.add(file + " (not a dump)");
            }
        }
        matching.removeIf(dump -> dump.format() != DumpFormat.POSTGRES_DIRECTORY && insideDirectoryDump(dump,
                matching));
        String kind = wanted.map(DumpFormat::description).orElse(postgres ? "PostgreSQL dump" : "MySQL/MariaDB dump");
        if (matching.size() == 1) {
            return matching.get(0);
        }
        if (matching.isEmpty() && postgres && !clusterDumps.isEmpty()) {
            return new Located(null, null, String.join(", ", clusterDumps) + (clusterDumps.size() == 1 ? " is a"
                    : " are") + " pg_dumpall cluster dump" + (clusterDumps.size() == 1 ? "" : "s") + ", which a "
                    + "restore test does not restore: it replays roles (with their passwords), tablespaces and every "
                    + "database of a cluster, which must not be replayed into a shared server. Restore-test a "
                    + "pg_dump of each database instead (pg_dump -Fc DATABASE, beside pg_dumpall --globals-only); the "
                    + "readable check reads cluster dumps to their end", true);
        }
        if (matching.isEmpty()) {
            return new Located(null, null, "no " + kind + " found in the backup" + (others.isEmpty() ? ""
                    : ": " + String.join(", ", others.subList(0, Math.min(5, others.size())))
                            + (others.size() > 5 ? ", ..." : "")));
        }
        return new Located(null, null, "the backup holds " + matching.size() + " " + kind + "s ("
                + String.join(", ", matching.stream().limit(5).map(Located::name).toList())
                + "): name the one to restore with file:");
    }

    private static void consider(String name, DumpFormat format, boolean postgres, Optional<DumpFormat> wanted,
            List<Located> matching, List<String> others) {
        if (format.isPostgres() == postgres && (wanted.isEmpty() || wanted.get() == format)) {
            matching.add(new Located(name, format, ""));
        } else {
            others.add((name.isEmpty() ? "the backup" : name) + " (" + format.description() + ")");
        }
    }

    private static boolean insideDirectoryDump(Located dump, List<Located> all) {
        return all.stream().anyMatch(other -> other.format() == DumpFormat.POSTGRES_DIRECTORY
                && (other.name().isEmpty() || dump.name().startsWith(other.name() + "/")));
    }

    private static boolean matches(String pattern, String name) {
        Glob glob = Glob.compile(pattern);
        return glob.matches(name) || glob.matches(name.substring(name.lastIndexOf('/') + 1));
    }
}
