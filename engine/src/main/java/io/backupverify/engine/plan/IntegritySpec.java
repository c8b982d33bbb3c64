package io.backupverify.engine.plan;

/**
 * Files are read and compared with their checksum manifest. {@code sample} below 100% reads a rotating share,
 * so that every file is read once over ceil(100 / sample) consecutive runs. {@code scope} is {@code latest} (the
 * newest backup, the default) or {@code all} (every backup of the set).
 */
public record IntegritySpec(String manifest, Percentage sample, IntegrityScope scope) {
    public IntegritySpec {
        sample = sample == null ? new Percentage(100) : sample;
        scope = scope == null ? IntegrityScope.LATEST : scope;
    }
}
