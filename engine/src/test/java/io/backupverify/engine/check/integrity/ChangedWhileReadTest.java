package io.backupverify.engine.check.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.target.ForwardingTarget;
import io.backupverify.engine.testing.InPlaceRewrite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A backup file rewritten in place at the same size while integrity reads it, as a backup job that writes over
 * last night's file does: the file is really written (a positioned write on its own channel) once its reader has
 * reported its first 16 MiB, so the moment is the same on a busy machine. What was read is no one version of the
 * file: an ERROR saying it changed while read, never a PASS (the part rewritten was read already, so the digest
 * matched) and not a FAIL of the backup (the part rewritten was read after, so it did not).
 */
class ChangedWhileReadTest {
    private static final int SIZE = 40 << 20;
    private static final int REWRITTEN = 1 << 20;

    @TempDir
    Path root;
    private BackupArea area;
    private Path file;

    @BeforeEach
    void backup() throws IOException {
        area = new BackupArea(root).threads(1);
        Path latest = area.folder("b-2026-11-25");
        byte[] content = new byte[SIZE];
        new Random(7).nextBytes(content);
        file = area.write(latest, "db.dump", content);
        area.sha256sums(latest, "db.dump");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-25T02:00:00Z")));
    }

    @ParameterizedTest(name = "rewritten at byte {0}, {1}")
    @CsvSource({"0, mapped", "0, streamed", "39845888, mapped", "39845888, streamed"})
    void aFileRewrittenInPlaceAtTheSameSizeWhileReadIsAnErrorNeverAPassNorAFail(long at, String how) {
        if (how.equals("streamed")) {
            area.wrapTarget(target -> new ForwardingTarget(target) {
                // no openLocalFile: read as a stream, as small files and other targets are
            });
        }
        AtomicBoolean rewritten = new AtomicBoolean();
        area.progress(new Progress() {
            @Override
            public void advance(long files, long bytes) {
                if (bytes > 0 && rewritten.compareAndSet(false, true)) {
                    InPlaceRewrite.at(file, at, REWRITTEN);
                }
            }
        });

        CheckResult result = area.integrity("{ manifest: SHA256SUMS }");

        assertThat(rewritten).isTrue();
        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.ERROR);
        Finding finding = result.findings().stream().filter(f -> f.item().endsWith("db.dump")).findFirst()
                .orElseThrow();
        assertThat(finding.severity()).isEqualTo(Status.ERROR);
        assertThat(finding.message()).startsWith("changed while read (when listed " + SIZE
                + " bytes, modified 2026-11-25T02:00:00Z; after the read " + SIZE + " bytes, modified ")
                .contains("is the backup still being written?");
        assertThat(result.metrics()).containsEntry("verifiedFiles", 0L).containsEntry("changedFiles", 0L);
    }
}
