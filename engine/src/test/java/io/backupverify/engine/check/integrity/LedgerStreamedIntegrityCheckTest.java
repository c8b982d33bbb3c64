package io.backupverify.engine.check.integrity;

import java.nio.file.Path;

/**
 * Every integrity test again on the streamed path in a run that keeps coverage for the ledger (with
 * {@code --history}, and every Jenkins run): the same verdicts, findings and figures.
 */
class LedgerStreamedIntegrityCheckTest extends StreamedIntegrityCheckTest {
    @Override
    BackupArea newArea(Path folder) {
        return new BackupArea(folder).keepsCoverage(true);
    }
}
