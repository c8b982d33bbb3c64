package io.backupverify.engine.plan;

import java.util.List;

/**
 * Each data file is opened by its format (told by its content) and read to its end. {@code scope} is
 * {@code latest} (the newest backup, the default) or {@code all}; {@code files} narrows the files read to those
 * matching any of the patterns (by path inside the backup, or by name for a pattern without {@code /}); without
 * it every data file is read.
 */
public record ReadableSpec(IntegrityScope scope, List<String> files) {
    public ReadableSpec {
        scope = scope == null ? IntegrityScope.LATEST : scope;
        files = files == null ? List.of() : List.copyOf(files);
    }
}
