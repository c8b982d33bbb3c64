package io.backupverify.engine.format;

import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a folder a required name matched is a whole {@code pg_dump -Fd} directory-format dump: its {@code toc.dat}
 * is there and readable, and so is every data file it names (each table's rows, the large-object list and the files
 * that list names), compressed or not, as pg_restore looks for them.
 */
public final class PgDirectoryDump {
    public static final String TOC = "toc.dat";
    private static final int MAX_LISTED = 5;

    /** Opens one of the folder's files by its name in the folder. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(String name) throws IOException;
    }

    /** What is wrong with the folder as a dump; {@code error} when it could not be found out. */
    public record Problem(String message, boolean error) {
    }

    private PgDirectoryDump() {
    }

    /** What is wrong with a folder holding these files (names in the folder) as a dump, if anything. */
    public static Optional<Problem> check(Set<String> names, Opener folder) {
        if (!names.contains(TOC)) {
            return Optional.of(new Problem("required file is missing: a folder of that name is there, but without "
                    + "toc.dat, so it is no whole pg_dump -Fd directory-format dump (pg_restore cannot read it "
                    + "without its table of contents)", false));
        }
        List<String> missing = new ArrayList<>();
        try {
            PgDirectoryToc toc;
            try (InputStream in = folder.open(TOC)) {
                toc = PgDirectoryToc.read(in);
            }
            for (String file : toc.dataFiles()) {
                Optional<String> present = present(names, file);
                if (present.isEmpty()) {
                    missing.add(file);
                } else if (PgDirectoryToc.isBlobList(file) && present.get().equals(file)) {
                    // pg_dump writes the list of large objects uncompressed
                    String list;
                    try (InputStream in = folder.open(file)) {
                        list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    for (String blob : PgDirectoryToc.blobFiles(list)) {
                        if (present(names, blob).isEmpty()) {
                            missing.add(blob);
                        }
                    }
                }
            }
        } catch (PgDirectoryToc.Unreadable e) {
            return Optional.of(new Problem("a pg_dump -Fd directory-format dump whose " + e.getMessage()
                    + (e.newerVersion() ? "" : ": pg_restore cannot restore it"), e.newerVersion()));
        } catch (IOException e) {
            return Optional.of(new Problem("could not read the directory-format dump's toc.dat: "
                    + IoErrors.describe(e), true));
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Problem("a pg_dump -Fd directory-format dump missing " + missing.size() + " of the "
                + "data files its toc.dat names (" + String.join(", ", missing.subList(0, Math.min(MAX_LISTED,
                missing.size()))) + (missing.size() > MAX_LISTED ? ", ..." : "") + "): pg_restore fails on it",
                false));
    }

    private static Optional<String> present(Set<String> names, String file) {
        return PgDirectoryToc.DATA_SUFFIXES.stream().map(suffix -> file + suffix).filter(names::contains).findFirst();
    }
}
