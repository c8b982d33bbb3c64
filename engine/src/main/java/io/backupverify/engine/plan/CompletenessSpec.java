package io.backupverify.engine.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The newest backup must hold the {@code required} names, at least {@code minFiles} files, and must not have shrunk
 * by more than {@code maxShrink} against the backup before it.
 */
public record CompletenessSpec(List<String> required, Integer minFiles, Percentage maxShrink) {
    public CompletenessSpec {
        required = required == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(required));
    }
}
