package io.backupverify.engine.check.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every integrity test again on the streamed path, in a run that keeps no coverage: integrity merges each listing
 * with its manifest as both stream wherever both are in path order, and must give the same verdicts, findings and
 * figures.
 */
class StreamedIntegrityCheckTest extends IntegrityCheckTest {
    @Override
    BackupArea newArea(Path folder) {
        return new BackupArea(folder).keepsCoverage(false);
    }

    /** The streamed path does not know the totals before it reads. */
    @Override
    @Test
    void reportsProgressWithTotalsFirst() {
        List<String> events = new ArrayList<>();
        BackupArea area = newArea(root);
        area.progress(new Progress() {
            @Override
            public synchronized void begin(String setName, String checkId, long totalFiles, long totalBytes) {
                events.add("begin " + setName + " " + checkId + " " + totalFiles + " " + totalBytes);
            }

            @Override
            public synchronized void end() {
                events.add("end");
            }
        });

        area.integrity("{ sample: 100% }");

        assertThat(events).containsExactly("begin test integrity -1 -1", "end");
    }
}
