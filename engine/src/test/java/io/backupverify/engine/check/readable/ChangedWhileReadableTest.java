package io.backupverify.engine.check.readable;

import static io.backupverify.engine.check.readable.ReadableArea.shell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.testing.InPlaceRewrite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An archive rewritten in place at the same size while the readable check reads it, as a job that writes over last
 * night's file does: really written once the reader has reported its first 16 MiB. What was read is of no one
 * version of the file: an ERROR saying it changed while read, neither a FAIL of the backup (gzip's CRC no longer
 * matched) nor a PASS (tar keeps no checksum of its entries' data).
 */
class ChangedWhileReadableTest {
    private static final int REWRITTEN = 1 << 20;

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"site.tar, tar -cf site.tar src", "site.tar.gz, tar -czf site.tar.gz src"})
    void anArchiveRewrittenInPlaceAtTheSameSizeWhileReadIsAnError(String name, String command) throws Exception {
        assumeTrue(ReadableArea.commandExists("tar"), "tar is installed");
        ReadableArea area = new ReadableArea(root);
        Path latest = area.folder("b-2026-11-25");
        shell(latest, "mkdir src && head -c 41943040 /dev/urandom > src/data.bin && " + command
                + " && rm -r src && touch -d 2026-11-25T02:00:00Z " + name);
        Path file = latest.resolve(name);
        long at = Files.size(file) - 4 * REWRITTEN;
        AtomicBoolean rewritten = new AtomicBoolean();

        CheckResult result = area.readable("{}", new Progress() {
            @Override
            public void advance(long files, long bytes) {
                if (bytes > 0 && rewritten.compareAndSet(false, true)) {
                    InPlaceRewrite.at(file, at, REWRITTEN);
                }
            }
        });

        assertThat(rewritten).isTrue();
        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.ERROR);
        Finding finding = result.findings().get(0);
        assertThat(finding.item()).endsWith(name);
        assertThat(finding.message()).startsWith("changed while read (when listed " + (at + 4 * REWRITTEN)
                + " bytes, modified 2026-11-25T02:00:00Z; after the read ").contains("is the backup still being written?");
    }
}
