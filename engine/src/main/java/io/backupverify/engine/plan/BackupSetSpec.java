package io.backupverify.engine.plan;

/**
 * One named set of backups on one target, with the checks to run on it and, optionally, its restore test.
 * A set with a restore test may have no checks.
 */
public record BackupSetSpec(String name, TargetSpec target, LayoutSpec layout, ChecksSpec checks,
        RestoreTestSpec restoreTest) {
    public BackupSetSpec {
        layout = layout == null ? LayoutSpec.DEFAULT : layout;
    }

    public BackupSetSpec(String name, TargetSpec target, LayoutSpec layout, ChecksSpec checks) {
        this(name, target, layout, checks, null);
    }

    /** Whether {@code verify} has anything to run for this set. */
    public boolean hasChecks() {
        return checks != null && !checks.isEmpty();
    }
}
