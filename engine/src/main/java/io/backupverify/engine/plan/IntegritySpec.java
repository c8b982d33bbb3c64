package io.backupverify.engine.plan;

/**
 * Files are read and compared with their checksum manifest. {@code sample} below 100% reads a rotating share,
 * so that every file is read once over ceil(100 / sample) consecutive runs. {@code scope} is {@code latest} (the
 * newest backup, the default) or {@code all} (every backup of the set). {@code mode} is {@code full} (read and hash,
 * the default) or {@code stored} (compare with the checksums an object store keeps).
 */
public record IntegritySpec(String manifest, Percentage sample, IntegrityScope scope, IntegrityMode mode) {
    public IntegritySpec {
        mode = mode == null ? IntegrityMode.FULL : mode;
        sample = sample == null ? new Percentage(100) : sample;
        scope = scope == null ? IntegrityScope.LATEST : scope;
    }
}
