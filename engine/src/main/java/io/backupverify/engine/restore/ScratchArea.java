package io.backupverify.engine.restore;

import io.backupverify.engine.plan.ByteSize;
import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where restore tests restore into: a folder of their own, made under the system's temporary folder or the one
 * the user names. Each holds a marker file, so that folders a killed run left behind are recognised and removed
 * at the next start, and nothing else is ever touched.
 */
public final class ScratchArea {
    static final String PREFIX = "backup-verify-restore-";
    static final String MARKER = ".backup-verify-scratch";
    /** How old a scratch folder must be before a later run takes it for abandoned. */
    public static final Duration STALE_AFTER = Duration.ofDays(1);

    private final Path root;

    public ScratchArea(Path root) {
        this.root = root;
    }

    /** Scratch folders under the system's temporary folder. */
    public static ScratchArea systemTemporary() {
        return new ScratchArea(Path.of(System.getProperty("java.io.tmpdir")));
    }

    public Path root() {
        return root;
    }

    /** Makes a fresh scratch folder for a restore test of a set; removed on close or at shutdown. */
    public ScratchFolder create(String setName) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("the scratch folder " + root + " does not exist or is not a folder");
        }
        Path folder = Files.createTempDirectory(root, PREFIX + safeName(setName) + "-");
        ScratchFolder scratch = new ScratchFolder(folder);
        Files.writeString(folder.resolve(MARKER), "scratch folder of a backup-verify restore test; "
                + "removed when the test ends or by a later run\n");
        return scratch;
    }

    /**
     * Removes scratch folders of this tool older than {@link #STALE_AFTER} (a run that was killed) and says what
     * was removed, or could not be.
     */
    public List<String> removeStale(Instant now) {
        List<String> said = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return said;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path child : children) {
                Path marker = child.resolve(MARKER);
                if (!Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
                        || !Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Instant made = Files.getLastModifiedTime(marker, LinkOption.NOFOLLOW_LINKS).toInstant();
                Duration age = Duration.between(made, now);
                if (age.compareTo(STALE_AFTER) < 0) {
                    continue;
                }
                said.add(removeOne(child, age));
            }
        } catch (IOException e) {
            said.add("could not look for stale scratch folders in " + root + ": " + IoErrors.describe(e));
        }
        return said;
    }

    private static String removeOne(Path folder, Duration age) {
        try {
            TreeRemover.Removed removed = TreeRemover.remove(folder);
            return "removed stale scratch folder " + folder + " left by an earlier run " + DurationValue.format(age)
                    + " ago (" + removed.files() + " files, " + ByteSize.format(removed.bytes()) + ")";
        } catch (IOException e) {
            return "could not remove stale scratch folder " + folder + ": " + IoErrors.describe(e);
        }
    }

    private static String safeName(String name) {
        String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }
}
