package io.backupverify.engine.restore;

import io.backupverify.engine.check.Finding;
import java.io.IOException;
import java.util.List;

/** One check of restored data. */
public interface Validation {
    /** What is validated, for reports: {@code checksums SHA256SUMS}, {@code required index.html}. */
    String describe();

    /**
     * Validates the restored data; no findings means it holds. A FAIL names what failed; an ERROR says what could
     * not be checked.
     */
    List<Finding> run(Restored restored, RestoreJob job) throws IOException, InterruptedException;
}
