package io.backupverify.engine.plan;

/**
 * Restores a backup by extracting its archives (tar, tar.gz, tar.zst, tar.xz, tar.bz2, zip) into the scratch
 * folder, within {@code limits}.
 */
public record ArchiveRestoreSpec(ExtractionLimits limits) implements RestoreSpec {
    public ArchiveRestoreSpec {
        limits = limits == null ? ExtractionLimits.DEFAULT : limits.withDefaults();
    }

    @Override
    public String kind() {
        return "archive";
    }
}
