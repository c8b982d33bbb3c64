package io.backupverify.engine.plan;

import java.util.List;

/**
 * Files are read and compared with their checksum manifest. {@code sample} below 100% reads a rotating share,
 * so that every file is read once over ceil(100 / sample) consecutive runs. {@code scope} is {@code latest} (the
 * newest backup, the default) or {@code all} (every backup of the set). {@code ignore} holds patterns of paths
 * inside a backup that are not reported as unlisted files or as links out of the backup (they are still never
 * followed or read unless listed). {@code mode} is {@code full} (read and hash, the default) or {@code stored}
 * (compare with the checksums an object store keeps).
 */
public record IntegritySpec(String manifest, Percentage sample, IntegrityScope scope, List<String> ignore,
        IntegrityMode mode) {
    public IntegritySpec {
        sample = sample == null ? new Percentage(100) : sample;
        scope = scope == null ? IntegrityScope.LATEST : scope;
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
        mode = mode == null ? IntegrityMode.FULL : mode;
    }

    public IntegritySpec(String manifest, Percentage sample, IntegrityScope scope) {
        this(manifest, sample, scope, null, null);
    }

    public IntegritySpec(String manifest, Percentage sample, IntegrityScope scope, List<String> ignore) {
        this(manifest, sample, scope, ignore, null);
    }
}
