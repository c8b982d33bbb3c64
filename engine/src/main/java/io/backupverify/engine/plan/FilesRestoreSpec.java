package io.backupverify.engine.plan;

/** Restores a backup by copying its files from the target into the scratch folder. */
public record FilesRestoreSpec() implements RestoreSpec {
    @Override
    public String kind() {
        return "files";
    }
}
