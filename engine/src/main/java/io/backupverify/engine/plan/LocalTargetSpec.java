package io.backupverify.engine.plan;

/** A folder on a local or mounted (NFS, SMB) file system. A relative path is relative to the plan file. */
public record LocalTargetSpec(String path) implements TargetSpec {
    @Override
    public String type() {
        return "local";
    }

    @Override
    public String describe() {
        return "local:" + path;
    }
}
