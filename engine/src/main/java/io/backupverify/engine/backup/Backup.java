package io.backupverify.engine.backup;

import java.time.Instant;
import java.util.Objects;

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

    // equals and hashCode are written out, with the record's meaning, because the generated ones are linked on
    // their first call through java.lang.runtime.ObjectMethods, whose method handles and the classes spun for them
    // cost a command some tens of milliseconds of CPU before its first file is read.
    @Override
    public boolean equals(Object other) {
        return other instanceof Backup that && directory == that.directory && size == that.size
                && Objects.equals(id, that.id) && Objects.equals(path, that.path) && Objects.equals(time, that.time)
                && Objects.equals(timeSource, that.timeSource) && Objects.equals(modified, that.modified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, path, time, timeSource, directory, size, modified);
    }
}
