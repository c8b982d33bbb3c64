package io.backupverify.engine.plan;

/** One named set of backups on one target, with the checks to run on it. */
public record BackupSetSpec(String name, TargetSpec target, LayoutSpec layout, ChecksSpec checks) {
    public BackupSetSpec {
        layout = layout == null ? LayoutSpec.DEFAULT : layout;
    }
}
