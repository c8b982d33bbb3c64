package io.backupverify.engine.plan;

/**
 * Restores a snapshot of a restic target with {@code restic restore} into the scratch folder.
 *
 * @param verify also have restic read every restored file back and compare it with the snapshot
 *               ({@code restic restore --verify}); default false
 */
public record ResticRestoreSpec(Boolean verify) implements RestoreSpec {
    public ResticRestoreSpec {
        verify = verify != null && verify;
    }

    @Override
    public String kind() {
        return "restic";
    }
}
