package io.backupverify.engine.target;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A store whose backups are restored by its own tool (restic's {@code restore}) rather than by reading their files
 * one by one: the tool fetches, decrypts and writes in one step.
 */
public interface SnapshotRestore {
    /**
     * Restores a backup into an empty folder.
     *
     * @param backupId the backup's name as the target lists it
     * @param into     an existing, empty folder
     * @param verify   also read every restored file back and compare it with the backup
     * @return the folder that holds the backup's files as the target lists them (inside {@code into})
     * @throws UnrestorableException when the tool ran and found the backup's data damaged or missing: a FAIL
     * @throws IOException           when the restore could not be carried out (store unreachable, wrong password)
     */
    Path restore(String backupId, Path into, boolean verify) throws IOException, InterruptedException;

    /**
     * How many bytes a restore of the backup writes: the sizes of its regular files as the store records them, known
     * before anything is restored.
     */
    long restoreSize(String backupId) throws IOException;

    /** The tool found the backup's data damaged or missing: the backup cannot be restored. */
    final class UnrestorableException extends IOException {
        public UnrestorableException(String message) {
            super(message);
        }
    }
}
