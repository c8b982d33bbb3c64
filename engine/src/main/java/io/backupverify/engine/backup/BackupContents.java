package io.backupverify.engine.backup;

import io.backupverify.engine.target.Entry;
import java.util.List;

/**
 * What one backup holds: every entry below it (for a file backup, the file itself), with paths relative to the
 * target's root.
 */
public record BackupContents(Backup backup, List<Entry> entries) {
    public BackupContents {
        entries = List.copyOf(entries);
    }

    public long fileCount() {
        return entries.stream().filter(Entry::isFile).count();
    }

    public long totalBytes() {
        return entries.stream().filter(Entry::isFile).mapToLong(Entry::size).sum();
    }

    /** The entry's path relative to the backup's folder (for a file backup, its name). */
    public String relativePath(Entry entry) {
        if (!backup.directory()) {
            return entry.name();
        }
        return entry.path().substring(backup.path().length() + 1);
    }
}
