package io.backupverify.engine.restore;

import static io.backupverify.engine.restore.RestoreRuns.exec;
import static io.backupverify.engine.restore.RestoreRuns.leftIn;
import static io.backupverify.engine.restore.RestoreRuns.restore;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Archives made by the system's tar, zip, gzip, zstd, xz and bzip2, restored and validated end to end. */
class ArchiveRestoreTest {
    private static final String PLAN = """
            backupSets:
              - name: web
                target: { type: local, path: backups }
                layout: { kind: directory-per-backup, namePattern: "web-{yyyy-MM-dd}" }
                restoreTest:
                  rto: 10m
                  restore: { kind: archive }
                  validate:
                    - checksums: SHA256SUMS
                    - required: [index.html, "assets/*.css"]
                    - command: { run: "test -f \\"$BACKUP_VERIFY_RESTORED/assets/site.css\\"", timeout: 1m }
            """;

    @TempDir
    Path dir;
    Path source;
    Path scratch;

    @BeforeEach
    void site() throws IOException, InterruptedException {
        source = Files.createDirectories(dir.resolve("site"));
        Files.writeString(source.resolve("index.html"), "<h1>shop</h1>\n");
        Files.createDirectories(source.resolve("assets"));
        Files.writeString(source.resolve("assets/site.css"), "h1 { color: teal }\n");
        Files.write(source.resolve("assets/logo.bin"), new byte[300_000]);
        exec(source, "sh", "-c", "sha256sum index.html assets/site.css assets/logo.bin > SHA256SUMS");
        scratch = Files.createDirectories(dir.resolve("scratch"));
    }

    private Path backupFolder() throws IOException {
        return Files.createDirectories(dir.resolve("backups/web-2026-11-25"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "site.tar, tar -cf {out} .",
            "site.tar.gz, tar -czf {out} .",
            "site.tar.zst, tar --zstd -cf {out} .",
            "site.tar.xz, tar -cJf {out} .",
            "site.tar.bz2, tar -cjf {out} .",
            "site.zip, zip -qr {out} .",
            "site.tgz.noext, tar -czf {out} ."})
    void restoresAndValidatesArchivesMadeByTheSystemTools(String name, String command) throws Exception {
        Path out = backupFolder().resolve(name);
        exec(source, "sh", "-c", command.replace("{out}", out.toString()));

        CheckResult result = restore(PLAN, dir, scratch);

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.id()).isEqualTo("restore");
        assertThat(result.summary()).startsWith("restored and validated web-2026-11-25 (4 files")
                .contains("within RTO 10m");
        assertThat(result.metrics()).containsKeys("fetchMs", "restoreMs", "validateMs", "totalMs", "fetchedBytes",
                "restoredBytes", "rtoMs").containsEntry("restoredFiles", 4L).containsEntry("kind", "archive");
        assertThat((Long) result.metrics().get("fetchedBytes")).isEqualTo(Files.size(out));
        assertThat(result.metrics().get("removed").toString()).contains("scratch folder " + scratch);
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void anArchiveOfAbsoluteNamesIsRestoredBelowTheScratchFolderAsGnuTarExtractsIt() throws Exception {
        // tar -P keeps the leading '/'; GNU tar -x removes it and extracts below the current folder
        Path archive = backupFolder().resolve("site.tar.gz");
        exec(source, "tar", "-P", "-czf", archive.toString(), source.toString());
        exec(source, "sh", "-c", "tar -tzf " + archive + " | grep -qx '" + source.resolve("index.html") + "'");
        String inside = source.toString().substring(1);
        String plan = PLAN.replaceAll(" *- checksums: SHA256SUMS\n", "")
                .replace("required: [index.html, \"assets/*.css\"]", "required: [\"" + inside + "/index.html\"]")
                .replace("$BACKUP_VERIFY_RESTORED/assets/site.css", "$BACKUP_VERIFY_RESTORED/" + inside
                        + "/assets/site.css");
        Files.writeString(source.resolve("index.html"), "<h1>changed after the backup</h1>\n");

        CheckResult result = restore(plan, dir, scratch);

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.findings()).anySatisfy(note -> {
            assertThat(note.item()).isEqualTo("site.tar.gz");
            assertThat(note.severity()).isEqualTo(Status.PASS);
            assertThat(note.message()).contains("absolute name (tar -P)").contains("leading '/' removed");
        });
        assertThat(Files.readString(source.resolve("index.html"))).as("the source is never written")
                .contains("changed after the backup");
        assertThat(leftIn(scratch)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"site.tar.gz, z", "site.tar.bz2, j"})
    void aCompressedTarPaddedWithZerosAsTapeAndDdBlocksLeaveIsRestoredAsTarRestoresIt(String name, String option)
            throws Exception {
        Path packed = dir.resolve(name);
        exec(source, "tar", "-c" + option + "f", packed.toString(), ".");
        Path padded = backupFolder().resolve(name);
        exec(dir, "dd", "if=" + packed, "of=" + padded, "bs=1M", "conv=sync");
        assertThat(Files.size(padded)).isEqualTo(1 << 20);
        // tar restores it (bzip2 warns "trailing garbage after EOF ignored" and exits 0)
        exec(Files.createDirectories(dir.resolve("by-tar")), "tar", "-x" + option + "f", padded.toString());

        CheckResult result = restore(PLAN, dir, scratch);

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
    }

    @Test
    void aFileChangedInsideTheArchiveFailsTheChecksumsNamingIt() throws Exception {
        Files.writeString(source.resolve("index.html"), "<h1>defaced</h1>\n");
        exec(source, "tar", "-czf", backupFolder().resolve("site.tar.gz").toString(), ".");

        CheckResult result = restore(PLAN, dir, scratch);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::item).containsExactly("index.html");
        assertThat(result.findings().get(0).message()).contains("restored content differs from SHA256SUMS");
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aTruncatedArchiveFailsNamingIt() throws Exception {
        Path archive = backupFolder().resolve("site.tar.gz");
        exec(source, "tar", "-czf", archive.toString(), ".");
        byte[] whole = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 2));

        CheckResult result = restore(PLAN, dir, scratch);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings().get(0).item()).startsWith("site.tar.gz");
        assertThat(result.findings().get(0).message()).contains("cut short");
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aBackupWithoutAnyArchiveFails() throws Exception {
        Files.writeString(backupFolder().resolve("notes.txt"), "no archive here\n");

        CheckResult result = restore(PLAN, dir, scratch);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::item, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("web-2026-11-25",
                        "no tar or zip archive in the backup to restore; not archives: notes.txt"));
    }

    @Test
    void theManifestBesideTheArchiveIsUsedWhenTheArchiveHasNone() throws Exception {
        Files.move(source.resolve("SHA256SUMS"), backupFolder().resolve("SHA256SUMS"));
        exec(source, "tar", "-czf", backupFolder().resolve("site.tar.gz").toString(), ".");

        CheckResult result = restore(PLAN, dir, scratch);

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
    }

    @Test
    void missingRequiredFilesAndAFailingCommandFailNamingWhatFailed() throws Exception {
        exec(source, "tar", "-czf", backupFolder().resolve("site.tar.gz").toString(), ".");
        String plan = PLAN.replace("required: [index.html, \"assets/*.css\"]", "required: [robots.txt, \"img/*\"]")
                .replace("test -f", "echo smoke test says no; exit 3; test -f");

        CheckResult result = restore(plan, dir, scratch);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        List<String> items = result.findings().stream().map(Finding::item).toList();
        assertThat(items).contains("robots.txt", "img/*");
        assertThat(result.findings()).anySatisfy(finding ->
                assertThat(finding.message()).contains("exited with 3").contains("smoke test says no"));
        assertThat(leftIn(scratch)).isEmpty();
    }
}
