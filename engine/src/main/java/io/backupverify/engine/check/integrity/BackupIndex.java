package io.backupverify.engine.check.integrity;

import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.target.Entry;
import java.util.BitSet;
import java.util.function.Consumer;

/**
 * The entries of one backup, looked up by name through the backup's listing sorted by path, and a mark for every
 * entry a manifest lists: a bit set by position rather than maps or entry objects, so that a backup of many small
 * files costs little memory.
 */
final class BackupIndex {
    private final BackupContents contents;
    /** Marks by position in the listing. */
    private final BitSet listed;
    private final String prefix;

    BackupIndex(BackupContents contents) {
        this.contents = contents;
        this.listed = new BitSet(contents.size());
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
        return contents.positionOf(targetPath);
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
        contents.forEachInPathOrder(at -> {
            if (!listed.get(at)) {
                visitor.accept(contents.entry(at));
            }
        });
    }

    /** The entry's path inside the backup. */
    String relative(Entry entry) {
        return contents.relativePath(entry);
    }
}
