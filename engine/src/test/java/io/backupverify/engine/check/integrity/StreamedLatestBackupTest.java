package io.backupverify.engine.check.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.LatestBackup;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.ForwardingTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a run that keeps no coverage, integrity streams the latest backup's listing without holding it; the files and
 * bytes the run reports for that backup are counted on the way, so the backup is not listed a second time after
 * the check.
 */
class StreamedLatestBackupTest {
    @TempDir
    Path root;

    @Test
    void theLatestBackupsTotalsComeFromTheCheckListingWithoutASecondWalk() throws IOException {
        BackupArea area = new BackupArea(root).keepsCoverage(false);
        Path latest = area.folder("b-2026-11-25");
        area.write(latest, "a.dump", "alpha");
        area.write(latest, "sub/b.dump", "beta beta");
        area.sha256sums(latest, "a.dump", "sub/b.dump");
        List<String> walked = new CopyOnWriteArrayList<>();
        area.wrapTarget(target -> new ForwardingTarget(target) {
            @Override
            public void walk(String folder, Consumer<Entry> visitor) throws IOException {
                walked.add(folder);
                super.walk(folder, visitor);
            }
        });

        RunResult run = area.verify("{ sample: 100% }", 0);

        assertThat(run.sets().get(0).checks().get(0).status()).isEqualTo(Status.PASS);
        LatestBackup reported = run.sets().get(0).latestBackup();
        assertThat(reported.files()).isEqualTo(3);
        assertThat(reported.bytes()).isEqualTo(5 + 9 + Files.size(latest.resolve("SHA256SUMS")));
        assertThat(walked).containsExactly("b-2026-11-25");
    }
}
