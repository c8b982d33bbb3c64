package io.backupverify.engine.check.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.testing.BackupTree;
import io.backupverify.engine.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletenessCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void passesWhenEverythingIsThere() throws Exception {
        BackupTree tree = new BackupTree(dir.resolve("backups"));
        tree.backup("b-2026-11-24", NOW, "orders.dump", "x".repeat(1000), "schema.sql", "create");
        tree.backup("b-2026-11-25", NOW, "orders.dump", "x".repeat(900), "schema.sql", "create");

        CheckResult result = check("{ required: [orders.dump, '*.sql'], minFiles: 2, maxShrink: 20% }");

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.findings()).isEmpty();
        assertThat(result.metrics()).containsEntry("files", 3).containsEntry("previousBackup", "b-2026-11-24");
        assertThat((double) result.metrics().get("changePercent")).isLessThan(0).isGreaterThan(-20);
    }

    @Test
    void failsForAMissingRequiredFileAndTooFewFiles() throws Exception {
        new BackupTree(dir.resolve("backups")).backup("b-2026-11-25", NOW, "schema.sql", "create");

        CheckResult result = check("{ required: [orders.dump], minFiles: 3 }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::item).containsExactly("b-2026-11-25/orders.dump", "b-2026-11-25");
        assertThat(result.findings().get(1).message()).contains("holds 1 data file").contains("fewer than the 3 required");
    }

    @Test
    void aBackupHoldingOnlyItsManifestAndMarkerHasNoDataFiles() throws Exception {
        Path backup = new BackupTree(dir.resolve("backups")).backup("b-2026-11-25", NOW);
        Files.writeString(backup.resolve("backup-info.json"), "{}");
        Files.writeString(backup.resolve("SHA256SUMS.asc"), "signature");

        CheckResult result = check("{ minFiles: 1 }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("files", 3).containsEntry("dataFiles", 0L);
        assertThat(result.findings()).filteredOn(finding -> finding.severity() == Status.FAIL).singleElement()
                .extracting(Finding::message).asString().contains("holds 0 data files");
    }

    @Test
    void failsWhenTheBackupShrankTooMuch() throws Exception {
        BackupTree tree = new BackupTree(dir.resolve("backups"));
        tree.backup("b-2026-11-24", NOW, "orders.dump", "x".repeat(10_000));
        tree.backup("b-2026-11-25", NOW, "orders.dump", "x".repeat(7_000));

        CheckResult result = check("{ maxShrink: 20% }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).singleElement().extracting(Finding::message).asString()
                .contains("shrank by").contains("b-2026-11-24").contains("at most 20%");
    }

    /**
     * The night before, the job died after writing an empty manifest (or only making its folder); tonight it wrote a tenth
     * of the usual dump. The shrink is measured against the last backup that holds data, not against nothing.
     */
    @Test
    void aShrinkIsMeasuredAgainstTheLastBackupHoldingDataNotADeadJobsEmptyFolder() throws Exception {
        BackupTree tree = new BackupTree(dir.resolve("backups"));
        tree.backup("b-2026-11-23", NOW, "orders.dump", "x".repeat(10_000));
        Path dead = tree.backup("b-2026-11-24", NOW);
        tree.backup("b-2026-11-25", NOW, "orders.dump", "x".repeat(1_000));

        CheckResult result = check("{ maxShrink: 20% }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("previousBackup", "b-2026-11-23");
        assertThat(result.findings()).singleElement().extracting(Finding::message).asString()
                .contains("shrank by").contains("against b-2026-11-23");

        Files.delete(dead.resolve("SHA256SUMS")); // the folder alone, not even an empty manifest
        assertThat(check("{ maxShrink: 20% }").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void warnsAboutEmptyFilesAndFailsAnEmptyRequiredOne() throws Exception {
        new BackupTree(dir.resolve("backups")).backup("b-2026-11-25", NOW, "orders.dump", "", "notes.txt", "");

        CheckResult result = check("{ required: [orders.dump] }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::item, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b-2026-11-25/orders.dump", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("b-2026-11-25", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("b-2026-11-25/notes.txt", Status.WARN),
                org.assertj.core.groups.Tuple.tuple("b-2026-11-25/orders.dump", Status.WARN));
    }

    @Test
    void emptyFilesAloneAreAWarning() throws Exception {
        new BackupTree(dir.resolve("backups")).backup("b-2026-11-25", NOW, "orders.dump", "data", "empty.log", "");

        CheckResult result = check("{ minFiles: 1 }");

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.metrics()).containsEntry("emptyFiles", 1);
    }

    @Test
    void anEmptyBackupFolderFailsEvenWithoutMinFiles() throws Exception {
        Path backup = new BackupTree(dir.resolve("backups")).backup("b-2026-11-25", NOW);
        Files.writeString(backup.resolve("SHA256SUMS"), "");

        CheckResult result = check("{}");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).filteredOn(finding -> finding.severity() == Status.FAIL).singleElement()
                .extracting(Finding::message).asString().contains("the backup is empty");
        assertThat(check("{ minFiles: 0 }").status()).as("allowed by the plan").isEqualTo(Status.WARN);
    }

    @Test
    void aBackupWhoseDataFilesAreAllEmptyFails() throws Exception {
        new BackupTree(dir.resolve("backups")).backup("b-2026-11-25", NOW, "orders.dump", "", "users.dump", "");

        CheckResult result = check("{ minFiles: 2 }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).filteredOn(finding -> finding.severity() == Status.FAIL).singleElement()
                .extracting(Finding::message).asString().contains("all 2 of its data files are empty");
    }

    @Test
    void anEmptyDumpFileAsAFileBackupFails() throws Exception {
        Files.createDirectories(dir.resolve("dumps"));
        Files.writeString(dir.resolve("dumps/orders-2026-11-25.sql"), "");
        String plan = """
                backupSets:
                  - name: orders
                    target: { type: local, path: dumps }
                    layout: { kind: file-per-backup, namePattern: "orders-{yyyy-MM-dd}.sql" }
                    checks: { completeness: {} }
                """;

        CheckResult result = Plans.runSet(plan, dir, NOW).checks().get(0);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::message).anySatisfy(message ->
                assertThat(message).contains("its one data file is empty"));
    }

    @Test
    void failsWhenThereIsNoBackup() throws Exception {
        Files.createDirectories(dir.resolve("backups"));

        assertThat(check("{ minFiles: 1 }").status()).isEqualTo(Status.FAIL);
    }

    private CheckResult check(String spec) throws InterruptedException {
        String plan = """
                backupSets:
                  - name: orders
                    target: { type: local, path: backups }
                    layout: { namePattern: "b-{yyyy-MM-dd}" }
                    checks: { completeness: %s }
                """.formatted(spec);
        return Plans.runSet(plan, dir, NOW).checks().get(0);
    }
}
