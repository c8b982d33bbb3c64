package io.backupverify.engine.backup;

import java.time.Instant;

/**
 * One backup of a set: a folder (directory-per-backup) or a file (file-per-backup).
 *
 * @param id         the backup's name on the target
 * @param path       its path relative to the target's root
 * @param time       when it was taken: from its name, else its modification time
 * @param timeSource {@code name} or {@code modified}
 * @param directory  whether the backup is a folder
 * @param size       for a file backup its size; for a folder 0 until its contents are read
 * @param modified   when the store says the file or folder was last written, or null when unknown
 */
public record Backup(String id, String path, Instant time, String timeSource, boolean directory, long size,
        Instant modified) {
    public Backup(String id, String path, Instant time, String timeSource, boolean directory, long size) {
        this(id, path, time, timeSource, directory, size, null);
    }
}
