package io.backupverify.engine.check.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.checksum.ChecksumAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePerBackupIntegrityTest {
    @TempDir
    Path root;
    private BackupArea area;
    private Path older;
    private Path latest;

    @BeforeEach
    void twoDumps() {
        area = new BackupArea(root).filePerBackup();
        older = area.write(root, "db-2026-11-24.dump", "older dump ".repeat(1000));
        latest = area.write(root, "db-2026-11-25.dump", "latest dump ".repeat(1000));
    }

    private static Finding only(CheckResult result) {
        assertThat(result.findings()).hasSize(1);
        return result.findings().get(0);
    }

    @Test
    void aSidecarHoldingOnlyTheDigestVerifies() {
        area.write(root, "db-2026-11-25.dump.sha256", BackupArea.digest(ChecksumAlgorithm.SHA256, latest) + "\n");

        CheckResult result = area.integrity("{}");

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("verifiedFiles", 1L).containsEntry("backup", "db-2026-11-25.dump")
                .containsEntry("verifiedBytes", 12_000L);
    }

    @Test
    void aSidecarNamingTheFileVerifiesWithEachAlgorithm() throws IOException {
        for (ChecksumAlgorithm algorithm : new ChecksumAlgorithm[] {ChecksumAlgorithm.SHA512, ChecksumAlgorithm.SHA1,
                ChecksumAlgorithm.MD5}) {
            Path sidecar = area.write(root, "db-2026-11-25.dump" + algorithm.sidecarSuffix(),
                    BackupArea.gnuLine(algorithm, root, "db-2026-11-25.dump"));

            assertThat(area.integrity("{}").status()).as(algorithm.displayName()).isEqualTo(Status.PASS);
            Files.delete(sidecar);
        }
    }

    @Test
    void aChangedFileFails() {
        area.write(root, "db-2026-11-25.dump.sha256", BackupArea.digest(ChecksumAlgorithm.SHA256, latest) + "\n");
        area.write(root, "db-2026-11-25.dump", "latest dump ".repeat(999) + "latest dumP ");

        CheckResult result = area.integrity("{}");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(only(result).item()).isEqualTo("db-2026-11-25.dump");
        assertThat(only(result).message()).startsWith("changed: SHA-256 differs from db-2026-11-25.dump.sha256 line 1");
    }

    @Test
    void aSidecarWrittenForAnotherNameWarnsAndStillDecides() {
        area.write(root, "db-2026-11-25.dump.sha256", BackupArea.digest(ChecksumAlgorithm.SHA256, latest)
                + "  /tmp/build/dump.partial\n");

        CheckResult result = area.integrity("{}");

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(only(result).message()).contains("sidecar names '/tmp/build/dump.partial'");
        assertThat(result.metrics()).containsEntry("verifiedFiles", 1L);
    }

    @Test
    void aBackupWithoutAnyChecksumFails() {
        CheckResult result = area.integrity("{}");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(only(result).item()).isEqualTo("db-2026-11-25.dump");
        assertThat(only(result).message()).startsWith("no checksum: looked for db-2026-11-25.dump.sha256");
    }

    @Test
    void aManifestInTheTargetFolderListsTheBackups() {
        area.write(root, "SHA256SUMS", BackupArea.gnuLine(ChecksumAlgorithm.SHA256, root, "db-2026-11-24.dump")
                + BackupArea.gnuLine(ChecksumAlgorithm.SHA256, root, "db-2026-11-25.dump"));

        CheckResult result = area.integrity("{ manifest: SHA256SUMS, scope: all }");

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("verifiedFiles", 2L).containsEntry("backups", 2);
        assertThat(area.integrity("{}").status()).as("found without being named").isEqualTo(Status.PASS);
    }

    @Test
    void aManifestWithAbsolutePathsMatchesByNameWithoutOpeningThem() {
        String line = BackupArea.gnuLine(ChecksumAlgorithm.SHA256, root, "db-2026-11-25.dump");
        area.write(root, "backups.sha256sums", line.replace("  db-", "  /srv/backups/db-"));
        RecordingTarget[] recording = new RecordingTarget[1];
        area.wrapTarget(target -> recording[0] = new RecordingTarget(target, java.util.Set.of()));

        CheckResult result = area.integrity("{ manifest: backups.sha256sums }");

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(recording[0].opened).containsExactlyInAnyOrder("backups.sha256sums", "db-2026-11-25.dump");
    }

    @Test
    void aBackupTheNamedManifestDoesNotListFails() {
        area.write(root, "SHA256SUMS", BackupArea.gnuLine(ChecksumAlgorithm.SHA256, root, "db-2026-11-24.dump"));

        CheckResult latestOnly = area.integrity("{ manifest: SHA256SUMS }");

        assertThat(latestOnly.status()).isEqualTo(Status.FAIL);
        assertThat(only(latestOnly).message()).isEqualTo("not listed in SHA256SUMS");
        assertThat(area.integrity("{ manifest: MD5SUMS }").findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("checksum manifest MD5SUMS is missing from the "
                        + "target folder"));
    }

    @Test
    void scopeAllFindsTheOlderBadDump() throws IOException {
        area.write(root, "db-2026-11-24.dump.md5", BackupArea.gnuLine(ChecksumAlgorithm.MD5, root,
                "db-2026-11-24.dump"));
        area.write(root, "db-2026-11-25.dump.md5", BackupArea.gnuLine(ChecksumAlgorithm.MD5, root,
                "db-2026-11-25.dump"));
        Files.write(older, new byte[0]);

        assertThat(area.integrity("{}").status()).isEqualTo(Status.PASS);
        CheckResult all = area.integrity("{ scope: all }");

        assertThat(all.status()).isEqualTo(Status.FAIL);
        assertThat(only(all).item()).isEqualTo("db-2026-11-24.dump");
        assertThat(only(all).message()).startsWith("truncated: the file is empty");
    }

    @Test
    void aManifestListingTheBackupTwiceWithDifferentDigestsFailsWhicheverLineComesFirst() {
        failsInEitherOrder("SHA256SUMS", "{ manifest: SHA256SUMS }",
                BackupArea.digest(ChecksumAlgorithm.SHA256, latest) + "  db-2026-11-25.dump\n",
                "0".repeat(64) + "  db-2026-11-25.dump\n");
    }

    @Test
    void aSidecarWithTwoDifferentDigestsForTheFileFailsWhicheverLineComesFirst() {
        failsInEitherOrder("db-2026-11-25.dump.sha256", "{}",
                BackupArea.digest(ChecksumAlgorithm.SHA256, latest) + "\n", "0".repeat(64) + "\n");
    }

    private void failsInEitherOrder(String checksumFile, String integrity, String right, String wrong) {
        for (String content : new String[] {right + wrong, wrong + right}) {
            area.write(root, checksumFile, content);

            CheckResult result = area.integrity(integrity);

            assertThat(result.status()).as(content).isEqualTo(Status.FAIL);
            assertThat(result.metrics()).as(content).containsEntry("changedFiles", 1L)
                    .containsEntry("verifiedFiles", 1L).containsEntry("listedFiles", 2L);
        }
    }

    @Test
    void aGarbledSidecarIsAnError() {
        area.write(root, "db-2026-11-25.dump.sha256", "this is not a digest\n");

        CheckResult result = area.integrity("{}");

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(only(result).message()).startsWith("db-2026-11-25.dump.sha256 line 1: not a checksum line");
    }

    @Test
    void aSampledRotationReadsTheNewestDatedDumpOnceEveryTRuns() throws IOException {
        Files.delete(older);
        Files.delete(latest);
        List<Integer> readOnDays = new ArrayList<>();
        for (int day = 1; day <= 25; day++) {
            String name = String.format("db-2026-11-%02d.dump", day);
            Path dump = area.write(root, name, "dump of day " + day);
            area.write(root, name + ".sha256", BackupArea.digest(ChecksumAlgorithm.SHA256, dump) + "\n");

            CheckResult result = area.integrity("{ sample: 25% }", day);

            assertThat(result.status()).isEqualTo(Status.PASS);
            if ((long) result.metrics().get("verifiedFiles") == 1L) {
                readOnDays.add(day);
            }
        }

        assertThat(readOnDays).as("a new dump each day, run number = day, 4 slices: read every 4th day")
                .isNotEmpty().first().satisfies(first -> assertThat(first).isLessThanOrEqualTo(4));
        assertThat(readOnDays.get(readOnDays.size() - 1)).isGreaterThan(21);
        for (int i = 1; i < readOnDays.size(); i++) {
            assertThat(readOnDays.get(i) - readOnDays.get(i - 1)).isEqualTo(4);
        }
    }
}
