package io.backupverify.engine.restore;

import static io.backupverify.engine.restore.RestoreRuns.NOW;
import static io.backupverify.engine.restore.RestoreRuns.leftIn;
import static io.backupverify.engine.restore.RestoreRuns.restore;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.testing.Plans;
import io.backupverify.engine.testing.BackupTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore check around its kind: choosing the backup, timing against the RTO, time limits, cleanup. */
class RestoreCheckTest {
    private static final String PLAN = """
            backupSets:
              - name: docs
                target: { type: local, path: backups }
                layout: { kind: directory-per-backup, namePattern: "docs-{yyyy-MM-dd}" }
                restoreTest:
                  select: latest
                  rto: 1h
                  restore: { kind: files }
                  validate: [ { checksums: SHA256SUMS }, { required: [readme.txt, "data/*.csv"] } ]
            """;

    @TempDir
    Path dir;
    Path scratch;
    BackupTree tree;

    @BeforeEach
    void backups() throws Exception {
        scratch = Files.createDirectories(dir.resolve("scratch"));
        tree = new BackupTree(dir.resolve("backups"));
        for (int day = 20; day <= 25; day++) {
            tree.backup("docs-2026-11-" + day, NOW.minus(Duration.ofDays(26 - day)), "readme.txt", "day " + day,
                    "data/orders.csv", "id,total\n1,10\n");
        }
    }

    @Test
    void filesAreCopiedThroughTheTargetValidatedAndTheScratchRemoved() throws Exception {
        CheckResult result = restore(PLAN, dir, scratch);

        assertThat(result.status()).as(result.toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("backup", "docs-2026-11-25").containsEntry("kind", "files")
                .containsEntry("restoredFiles", 3L);
        assertThat(result.summary()).contains("within RTO 1h").contains("fetch").contains("validate");
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aCorruptFileOnTheTargetFailsTheRestoredChecksums() throws Exception {
        Files.writeString(dir.resolve("backups/docs-2026-11-25/data/orders.csv"), "id,total\n1,99\n");

        CheckResult result = restore(PLAN, dir, scratch);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::item).containsExactly("data/orders.csv");
    }

    @Test
    void oldestKeptAndRandomWithinChooseTheirBackupAndTheRunNumberRepeatsTheChoice() throws Exception {
        assertThat(restore(PLAN.replace("select: latest", "select: oldest-kept"), dir, scratch).metrics())
                .containsEntry("backup", "docs-2026-11-20");

        String random = PLAN.replace("select: latest", "select: { random-within: 3d }");
        Set<Object> chosen = new HashSet<>();
        for (long run = 1; run <= 12; run++) {
            Object first = RestoreRuns.run(random, dir, scratch, run).sets().get(0).checks().get(0).metrics()
                    .get("backup");
            Object again = RestoreRuns.run(random, dir, scratch, run).sets().get(0).checks().get(0).metrics()
                    .get("backup");
            assertThat(again).as("run number " + run + " picks the same backup again").isEqualTo(first);
            chosen.add(first);
        }
        assertThat(chosen).as("only backups of the last 3 days, and more than one of them")
                .isSubsetOf(Set.of("docs-2026-11-23", "docs-2026-11-24", "docs-2026-11-25")).hasSizeGreaterThan(1);

        CheckResult none = restore(PLAN.replace("select: latest", "select: { random-within: 12h }"), dir, scratch);
        assertThat(none.status()).isEqualTo(Status.FAIL);
        assertThat(none.findings().get(0).message()).contains("no backup taken within 12h");
    }

    @Test
    void aRestoreTestSlowerThanItsRtoFails() throws Exception {
        // an explicit time limit, so that only the RTO is judged however slowly a loaded machine runs the test
        String plan = PLAN.replace("rto: 1h", "rto: 1s\n      timeout: 10m")
                .replace("validate: [", "validate: [ { command: { run: \"sleep 1.5\" } },");

        CheckResult result = restore(plan, dir, scratch);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::message)
                .anySatisfy(message -> assertThat(message).contains("more than the RTO 1s"));
        assertThat((Long) result.metrics().get("validateMs")).isGreaterThanOrEqualTo(1500);
        assertThat(result.summary()).contains("over RTO 1s");
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aRestoreTestPastItsTimeLimitIsStoppedFailedAndCleanedUp() throws Exception {
        // The command would run for 10 minutes: finishing in well under that proves it was stopped, with room for a
        // loaded machine.
        String plan = PLAN.replace("rto: 1h", "rto: 1h\n      timeout: 1s")
                .replace("validate: [", "validate: [ { command: { run: \"sleep 600\", timeout: 20m } },");

        long start = System.nanoTime();
        CheckResult result = restore(plan, dir, scratch);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(5));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::message)
                .anySatisfy(message -> assertThat(message).contains("did not finish within 1s and was stopped"));
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aCommandPastItsOwnTimeLimitFailsNamingIt() throws Exception {
        String plan = PLAN.replace("validate: [", "validate: [ { command: { run: \"sleep 30\", timeout: 1s } },");

        CheckResult result = restore(plan, dir, scratch);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).anySatisfy(finding -> {
            assertThat(finding.item()).isEqualTo("sleep 30");
            assertThat(finding.message()).contains("did not finish within 1s");
        });
    }

    @Test
    void aSetWithoutBackupsFailsAndAMissingTargetIsAnError() throws Exception {
        RunResult empty = RestoreRuns.run(PLAN.replace("docs-{yyyy-MM-dd}", "none-{yyyy-MM-dd}"), dir, scratch, 1);
        assertThat(empty.sets().get(0).checks().get(0).status()).isEqualTo(Status.FAIL);

        RunResult missing = RestoreRuns.run(PLAN.replace("path: backups", "path: absent"), dir, scratch, 1);
        assertThat(missing.status()).isEqualTo(Status.ERROR);
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void theRemovedScratchFolderIsReported() throws Exception {
        CheckResult result = restore(PLAN, dir, scratch);
        assertThat(result.metrics().get("removed").toString()).contains("scratch folder " + scratch.toAbsolutePath());
    }

    @Test
    void theRestoreTellsProgressAboutTheFilesAndBytesItFetches() throws Exception {
        List<String> calls = new ArrayList<>();
        AtomicLong files = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        Progress progress = new Progress() {
            @Override
            public synchronized void begin(String setName, String checkId, long fileCount, long byteCount) {
                calls.add("begin " + setName + "/" + checkId + " " + fileCount + " files");
            }

            @Override
            public void advance(long fileCount, long byteCount) {
                files.addAndGet(fileCount);
                bytes.addAndGet(byteCount);
            }

            @Override
            public synchronized void end() {
                calls.add("end");
            }
        };
        VerifyOptions options = VerifyOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withProgress(progress);

        CheckResult result = new RestoreTester(new ScratchArea(scratch)).run(Plans.parse(PLAN, dir), options)
                .sets().get(0).checks().get(0);

        assertThat(result.status()).as(result.toString()).isEqualTo(Status.PASS);
        assertThat(calls).containsExactly("begin docs/restore 3 files", "end");
        assertThat(files.get()).isGreaterThanOrEqualTo(3);
        assertThat(bytes.get()).isEqualTo(((Number) result.metrics().get("fetchedBytes")).longValue())
                .isPositive();
    }

    @Test
    void aRestoreThatProducesNothingFailsEvenWithoutValidations() throws Exception {
        tree.backup("docs-2026-11-26", NOW.minus(Duration.ofHours(1)));
        String unvalidated = PLAN.replace("  validate: [ { checksums: SHA256SUMS }, { required: [readme.txt, "
                + "\"data/*.csv\"] } ]\n", "");

        CheckResult result = restore(unvalidated, dir, scratch);

        assertThat(result.status()).as(result.toString()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::message).anySatisfy(message ->
                assertThat(message).contains("holds no data file to restore, only checksum and marker files"));
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aRestoreOfOnlyEmptyFilesFails() throws Exception {
        tree.backup("docs-2026-11-26", NOW.minus(Duration.ofHours(1)), "readme.txt", "");

        CheckResult result = restore(PLAN.replace(", { required: [readme.txt, \"data/*.csv\"] }", "")
                .replace("{ checksums: SHA256SUMS }", "{ required: [readme.txt] }"), dir, scratch);

        assertThat(result.status()).as(result.toString()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::message).anySatisfy(message ->
                assertThat(message).contains("only empty files"));
    }

    @Test
    void aRestoreWithoutValidationsDoesNotSayItWasValidated() throws Exception {
        String unvalidated = PLAN.replace("  validate: [ { checksums: SHA256SUMS }, { required: [readme.txt, "
                + "\"data/*.csv\"] } ]\n", "");

        CheckResult result = restore(unvalidated, dir, scratch);

        assertThat(result.status()).as(result.toString()).isEqualTo(Status.PASS);
        assertThat(result.summary()).doesNotContain("validated docs").contains("nothing validated");
    }
}
