package io.backupverify.engine.check.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.testing.BackupTree;
import io.backupverify.engine.testing.LoopDisk;
import io.backupverify.engine.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Capacity on a real, loop-mounted ext4 file system with 5% of its blocks reserved for root: as df sees it. */
class CapacityOnExt4Test {
    private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
    private static final String PLAN = """
            backupSets:
              - name: nightly
                target: { type: local, path: backups }
                layout: { kind: directory-per-backup, namePattern: "nightly-{yyyy-MM-dd}" }
                checks:
                  capacity: { warnAt: 92%, failAt: 98% }
            """;

    @TempDir
    Path dir;

    private static void backup(LoopDisk disk) throws Exception {
        new BackupTree(disk.root().resolve("backups")).backup("nightly-2026-11-29", NOW, "db.dump", "dump");
    }

    private CheckResult capacity(LoopDisk disk) throws Exception {
        SetResult set = Plans.runSet(PLAN, disk.root(), NOW);
        return set.checks().get(0);
    }

    @Test
    void aDiskDfShowsFullFailsAlthoughItsReservedBlocksAreFree() throws Exception {
        try (LoopDisk disk = LoopDisk.ext4(dir, 64, 5)) {
            backup(disk);
            disk.fillAsUnprivileged();
            long[] df = disk.dfUsedAndAvailable();

            CheckResult capacity = capacity(disk);

            assertThat(capacity.status()).as(capacity.summary()).isEqualTo(Status.FAIL);
            assertThat(capacity.metrics()).containsEntry("usedBytes", df[0]).containsEntry("totalBytes", df[0] + df[1]);
            assertThat((Double) capacity.metrics().get("usedPercent")).isGreaterThanOrEqualTo(99.0);
        }
    }

    @Test
    void anEmptyDiskIsMeasuredAsDfMeasuresIt() throws Exception {
        try (LoopDisk disk = LoopDisk.ext4(dir, 64, 5)) {
            backup(disk);
            long[] df = disk.dfUsedAndAvailable();

            CheckResult capacity = capacity(disk);

            assertThat(capacity.status()).isEqualTo(Status.PASS);
            assertThat(capacity.metrics()).containsEntry("usedBytes", df[0]).containsEntry("totalBytes", df[0] + df[1]);
        }
    }

    @Test
    void measureBackupsComparesThisSetsBackupsWithTheQuotaAndASharedDiskFullOfOtherDataFails() throws Exception {
        try (LoopDisk disk = LoopDisk.ext4(dir, 64, 5)) {
            backup(disk);
            String plan = PLAN.replace("capacity: { warnAt: 92%, failAt: 98% }",
                    "capacity: { measure: backups, quota: 1MiB }");

            CheckResult roomy = Plans.runSet(plan, disk.root(), NOW).checks().get(0);
            disk.fillAsUnprivileged();
            CheckResult full = Plans.runSet(plan, disk.root(), NOW).checks().get(0);

            assertThat(roomy.status()).as(roomy.summary()).isEqualTo(Status.PASS);
            long backupBytes = Files.size(disk.root().resolve("backups/nightly-2026-11-29/db.dump"))
                    + Files.size(disk.root().resolve("backups/nightly-2026-11-29/SHA256SUMS"));
            assertThat(roomy.metrics()).containsEntry("measure", "backups")
                    .containsEntry("usedBytes", backupBytes).containsEntry("totalBytes", 1L << 20);
            assertThat(roomy.summary()).startsWith("this set's backups: ");
            assertThat(full.status()).as(full.summary()).isEqualTo(Status.FAIL);
            assertThat(full.metrics()).containsEntry("usedBytes", backupBytes).containsEntry("storageFreeBytes", 0L);
            assertThat(full.findings()).singleElement().satisfies(finding -> assertThat(finding.message())
                    .contains("the storage holding the backups (filesystem) has 0 B free")
                    .contains("the next backup will not fit, whatever the quota allows"));
        }
    }
}
