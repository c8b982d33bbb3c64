package io.backupverify.engine.restore;

import static io.backupverify.engine.restore.RestoreRuns.exec;
import static io.backupverify.engine.restore.RestoreRuns.leftIn;
import static io.backupverify.engine.restore.RestoreRuns.restore;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An archive the system's tar made of a folder the backup job left empty restores to nothing: never a PASS. */
class EmptyArchiveRestoreTest {
    private static final String PLAN = """
            backupSets:
              - name: web
                target: { type: local, path: backups }
                layout: { kind: file-per-backup, namePattern: "web-{yyyy-MM-dd}.tar.gz" }
                restoreTest:
                  restore: { kind: archive }
            """;

    @TempDir
    Path dir;

    @Test
    void anArchiveOfEmptyFoldersFails() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site/assets"));
        Files.createDirectories(dir.resolve("backups"));
        exec(site.getParent(), "tar", "-czf", dir.resolve("backups/web-2026-11-25.tar.gz").toString(), ".");
        Path scratch = Files.createDirectories(dir.resolve("scratch"));

        CheckResult result = restore(PLAN, dir, scratch);

        assertThat(result.status()).as(result.toString()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::message).containsExactly(
                "the restore produced nothing: not one file came out of the backup");
        assertThat(result.summary()).doesNotContain("validated");
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void anArchiveOfEmptyFilesFails() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "");
        Files.createDirectories(dir.resolve("backups"));
        exec(site, "tar", "-czf", dir.resolve("backups/web-2026-11-25.tar.gz").toString(), ".");

        CheckResult result = restore(PLAN, dir, Files.createDirectories(dir.resolve("scratch")));

        assertThat(result.status()).as(result.toString()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::message).containsExactly(
                "the restore produced only empty files (1 files, 0 bytes)");
    }
}
