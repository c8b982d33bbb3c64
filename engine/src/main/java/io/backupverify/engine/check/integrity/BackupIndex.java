package io.backupverify.engine.check.integrity;

import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.target.Entry;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.function.Consumer;

/**
 * The entries of one backup sorted by path, for lookups by name, and a mark for every entry a manifest lists.
 * An array and a bit set rather than maps, so that a backup of many small files costs little memory.
 */
final class BackupIndex {
    private final BackupContents contents;
    private final Entry[] entries;
    private final BitSet listed;
    private final String prefix;

    BackupIndex(BackupContents contents) {
        this.contents = contents;
        this.entries = contents.entries().toArray(new Entry[0]);
        Arrays.sort(entries, Comparator.comparing(Entry::path));
        this.listed = new BitSet(entries.length);
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
        int at = indexOf(targetPath);
        return at < 0 ? null : entries[at];
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
        int at = indexOf(entry.path());
        if (at >= 0) {
            listed.set(at);
        }
    }

    private int indexOf(String targetPath) {
        int low = 0;
        int high = entries.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = entries[middle].path().compareTo(targetPath);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /** Every entry no manifest listed. */
    void forEachUnlisted(Consumer<Entry> visitor) {
        for (int i = listed.nextClearBit(0); i < entries.length; i = listed.nextClearBit(i + 1)) {
            visitor.accept(entries[i]);
        }
    }

    /** The entry's path inside the backup. */
    String relative(Entry entry) {
        return contents.relativePath(entry);
    }
}
