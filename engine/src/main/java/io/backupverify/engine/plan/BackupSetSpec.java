package io.backupverify.engine.plan;

/**
 * One named set of backups on one target, with the checks to run on it. {@code offsite} marks a set kept away
 * from the primary site (remote targets count as off-site without it).
 */
public record BackupSetSpec(String name, TargetSpec target, LayoutSpec layout, ChecksSpec checks, Boolean offsite) {
    public BackupSetSpec {
        layout = layout == null ? LayoutSpec.DEFAULT : layout;
    }

    public BackupSetSpec(String name, TargetSpec target, LayoutSpec layout, ChecksSpec checks) {
        this(name, target, layout, checks, null);
    }

    /** Whether this set's backups are kept off-site: marked so, or on a remote target. */
    public boolean isOffsite() {
        return offsite != null ? offsite : target != null && target.remote();
    }
}
