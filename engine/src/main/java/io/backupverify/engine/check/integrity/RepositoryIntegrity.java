package io.backupverify.engine.check.integrity;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.RecheckSlices;
import io.backupverify.engine.plan.IntegritySpec;
import java.io.IOException;

/**
 * A target that proves its own integrity, such as a restic repository with {@code restic check}. The integrity
 * check asks it instead of reading files against a manifest; the sample rotates the same way (slice
 * {@code runNumber mod t} of {@code t = ceil(100 / sample)}), and the subsets in {@code recheck}, where the previous
 * run found errors, are read again.
 */
public interface RepositoryIntegrity {
    CheckResult checkIntegrity(IntegritySpec spec, long runNumber, RecheckSlices recheck) throws IOException,
            InterruptedException;
}
