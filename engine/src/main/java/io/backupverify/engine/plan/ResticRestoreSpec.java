package io.backupverify.engine.plan;

/**
 * Restores a snapshot of a restic target with {@code restic restore} into the scratch folder, within {@code limits}.
 *
 * @param verify also have restic read every restored file back and compare it with the snapshot
 *               ({@code restic restore --verify}); default false
 * @param limits how much the restore may write; default {@link ResticRestoreLimits#DEFAULT}
 */
public record ResticRestoreSpec(Boolean verify, ResticRestoreLimits limits) implements RestoreSpec {
    public ResticRestoreSpec {
        verify = verify != null && verify;
        limits = limits == null ? ResticRestoreLimits.DEFAULT : limits;
    }

    @Override
    public String kind() {
        return "restic";
    }
}
