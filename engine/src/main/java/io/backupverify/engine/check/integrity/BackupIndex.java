package io.backupverify.engine.check.integrity;

import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.target.Entry;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.function.Consumer;

/**
 * The entries of one backup in path order, for lookups by name, and a mark for every entry a manifest lists.
 * Positions into the backup's columns, an int array and a bit set rather than maps or entry objects, so that a
 * backup of many small files costs little memory (four bytes and a bit per entry on top of its listing).
 */
final class BackupIndex {
    private final BackupContents contents;
    /** Positions in the listing, sorted by path. */
    private final int[] sorted;
    /** Marks by position in the listing. */
    private final BitSet listed;
    private final String prefix;

    BackupIndex(BackupContents contents) {
        this.contents = contents;
        this.sorted = new int[contents.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i;
        }
        sortByPath(sorted, contents);
        this.listed = new BitSet(sorted.length);
        this.prefix = contents.backup().directory() ? contents.backup().path() + "/" : "";
    }

    BackupContents contents() {
        return contents;
    }

    /** The entry at a path inside the backup, or null. */
    Entry find(String pathInBackup) {
        return findByTargetPath(prefix + pathInBackup);
    }

    /** The entry at a path relative to the target's root, or null. */
    Entry findByTargetPath(String targetPath) {
        int at = positionOf(targetPath);
        return at < 0 ? null : contents.entry(at);
    }

    /** The entry's position in the backup's listing, or -1 when the backup holds no such path. */
    int positionOf(String targetPath) {
        byte[] path = targetPath.getBytes(StandardCharsets.UTF_8);
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = contents.comparePath(sorted[middle], path);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return sorted[middle];
            }
        }
        return -1;
    }

    /** The path inside the backup of a target path below it, or null when the target path lies outside. */
    String insideBackup(String targetPath) {
        if (prefix.isEmpty()) {
            return targetPath.equals(contents.backup().path()) ? targetPath : null;
        }
        return targetPath.startsWith(prefix) && targetPath.length() > prefix.length()
                ? targetPath.substring(prefix.length()) : null;
    }

    void markListed(Entry entry) {
        int at = positionOf(entry.path());
        if (at >= 0) {
            listed.set(at);
        }
    }

    /** Every entry no manifest listed, in path order. */
    void forEachUnlisted(Consumer<Entry> visitor) {
        for (int at : sorted) {
            if (!listed.get(at)) {
                visitor.accept(contents.entry(at));
            }
        }
    }

    /** The entry's path inside the backup. */
    String relative(Entry entry) {
        return contents.relativePath(entry);
    }

    /** A stable merge sort of positions by their entries' paths, without boxing them. */
    private static void sortByPath(int[] positions, BackupContents contents) {
        if (isSorted(positions, contents)) {
            return;
        }
        int[] work = new int[positions.length];
        for (int width = 1; width < positions.length; width *= 2) {
            for (int low = 0; low < positions.length; low += 2 * width) {
                int middle = Math.min(low + width, positions.length);
                int high = Math.min(low + 2 * width, positions.length);
                int left = low;
                int right = middle;
                for (int out = low; out < high; out++) {
                    if (left < middle && (right >= high
                            || contents.comparePaths(positions[left], positions[right]) <= 0)) {
                        work[out] = positions[left++];
                    } else {
                        work[out] = positions[right++];
                    }
                }
            }
            System.arraycopy(work, 0, positions, 0, positions.length);
        }
    }

    /** Listings of object stores come sorted already. */
    private static boolean isSorted(int[] positions, BackupContents contents) {
        for (int i = 1; i < positions.length; i++) {
            if (contents.comparePaths(positions[i - 1], positions[i]) > 0) {
                return false;
            }
        }
        return true;
    }
}
