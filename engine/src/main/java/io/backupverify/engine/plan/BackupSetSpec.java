package io.backupverify.engine.plan;

/**
 * One named set of backups on one target, with the checks to run on it and, optionally, its restore test (a set
 * with a restore test may have no checks). {@code offsite} marks a set kept away from the primary site (remote
 * targets count as off-site without it).
 */
public record BackupSetSpec(String name, TargetSpec target, LayoutSpec layout, ChecksSpec checks, Boolean offsite,
        RestoreTestSpec restoreTest) {
    public BackupSetSpec {
        layout = layout == null ? LayoutSpec.DEFAULT : layout;
    }

    public BackupSetSpec(String name, TargetSpec target, LayoutSpec layout, ChecksSpec checks) {
        this(name, target, layout, checks, null, null);
    }

    public BackupSetSpec(String name, TargetSpec target, LayoutSpec layout, ChecksSpec checks, Boolean offsite) {
        this(name, target, layout, checks, offsite, null);
    }

    /** Whether this set's backups are kept off-site: marked so, or on a remote target. */
    public boolean isOffsite() {
        return offsite != null ? offsite : target != null && target.remote();
    }

    /** Whether {@code verify} has anything to run for this set. */
    public boolean hasChecks() {
        return checks != null && !checks.isEmpty();
    }
}
