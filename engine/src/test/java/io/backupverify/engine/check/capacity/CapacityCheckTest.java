package io.backupverify.engine.check.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.check.TestContexts;
import io.backupverify.engine.plan.ByteSize;
import io.backupverify.engine.plan.CapacitySpec;
import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.plan.LayoutKind;
import io.backupverify.engine.plan.LayoutSpec;
import io.backupverify.engine.plan.Percentage;
import io.backupverify.engine.target.FixedUsageTarget;
import io.backupverify.engine.target.LocalTarget;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.testing.DiskSize;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final CapacitySpec DEFAULTS = new CapacitySpec(null, null, null, null);
    private static final LayoutSpec FOLDERS = new LayoutSpec(LayoutKind.DIRECTORY_PER_BACKUP, "db-{yyyy-MM-dd}");

    @TempDir
    Path root;

    private CheckResult run(CapacitySpec spec, Target target) throws IOException {
        return new CapacityCheck(spec).run(TestContexts.discovered(target, FOLDERS, NOW, ZoneOffset.UTC));
    }

    private void folder(String name, int bytes) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.write(dir.resolve("data.bin"), new byte[bytes]);
    }

    @Test
    void passesBelowWarnAtAndKeepsTheTrendMetrics() throws IOException {
        CheckResult result = run(DEFAULTS, FixedUsageTarget.reporting(root, 500, 1000));
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("usedBytes", 500L).containsEntry("totalBytes", 1000L)
                .containsEntry("usedPercent", 50.0).containsEntry("totalSource", "fixed")
                .containsKeys("growthBytesPerDay", "daysUntilWarn", "daysUntilFull");
    }

    @Test
    void usageExactlyAtWarnAtWarns() throws IOException {
        CheckResult result = run(DEFAULTS, FixedUsageTarget.reporting(root, 800, 1000));
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.findings()).singleElement().satisfies(finding -> assertThat(finding.message())
                .isEqualTo("800 B of 1000 B (fixed) used, 80.0%, at or above warnAt 80%"));
        assertThat(run(DEFAULTS, FixedUsageTarget.reporting(root, 799, 1000)).status()).isEqualTo(Status.PASS);
    }

    @Test
    void usageExactlyAtFailAtFails() throws IOException {
        assertThat(run(DEFAULTS, FixedUsageTarget.reporting(root, 950, 1000)).status()).isEqualTo(Status.FAIL);
        assertThat(run(DEFAULTS, FixedUsageTarget.reporting(root, 949, 1000)).status()).isEqualTo(Status.WARN);
    }

    @Test
    void measuresAgainstTheQuotaWhenOneIsGiven() throws IOException {
        CapacitySpec quota = new CapacitySpec(ByteSize.parse("1KiB"), Percentage.parse("50%"), null, null);
        CheckResult result = run(quota, FixedUsageTarget.reporting(root, 512, 1_000_000));
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.metrics()).containsEntry("totalBytes", 1024L).containsEntry("usedPercent", 50.0)
                .containsEntry("totalSource", "quota");
    }

    @Test
    void aQuotaLargerThanTheStorageIsMeasuredAgainstTheStorage() throws IOException {
        CapacitySpec hugeQuota = new CapacitySpec(ByteSize.parse("100TiB"), null, null, null);
        CheckResult result = run(hugeQuota, FixedUsageTarget.reporting(root, 990, 1000));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("totalBytes", 1000L).containsEntry("usedPercent", 99.0);
        assertThat((String) result.metrics().get("totalSource")).contains("smaller than the quota");
    }

    @Test
    void aTargetThatCannotTellItsUsageIsAnError() throws IOException {
        CheckResult result = run(DEFAULTS, FixedUsageTarget.silent(root));
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.summary()).contains("cannot report its used space");
    }

    @Test
    void aFailureToMeasureIsAnError() throws IOException {
        CheckResult result = run(DEFAULTS, FixedUsageTarget.failing(root, new AccessDeniedException("/srv")));
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.summary()).isEqualTo("cannot measure the used space: permission denied: /srv");
    }

    @Test
    void storageWithoutASizeNeedsAQuota() throws IOException {
        CheckResult result = run(DEFAULTS, FixedUsageTarget.reporting(root, 500, -1));
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.summary()).contains("set capacity.quota");
        CheckResult withQuota = run(new CapacitySpec(ByteSize.ofBytes(1000), null, null, null),
                FixedUsageTarget.reporting(root, 500, -1));
        assertThat(withQuota.status()).isEqualTo(Status.PASS);
    }

    @Test
    void estimatesGrowthFromTheBackupsSizes() throws IOException {
        folder("db-2026-11-20", 1000);
        folder("db-2026-11-22", 1000);
        folder("db-2026-11-24", 1200);
        folder("db-2026-11-26", 1400);
        // Over six days the backups after the first added 3,600 bytes: 600 bytes a day.
        CheckResult result = run(DEFAULTS, FixedUsageTarget.reporting(root, 50_000, 100_000));
        assertThat(result.metrics()).containsEntry("growthBytesPerDay", 600L)
                .containsEntry("backupSizeChangeBytesPerDay", 67L)
                .containsEntry("growthBackups", 4)
                .containsEntry("growthSpanDays", 6.0)
                .containsEntry("daysUntilWarn", 50.0)
                .containsEntry("daysUntilFull", 83.3);
        assertThat(result.summary()).isEqualTo("fixed: 48.8 KiB of 97.7 KiB (fixed) used, 50.0%; growing 600 B/day from 4 "
                + "backups; 50.0 days to warnAt, 83.3 days to full");
    }

    @Test
    void growthOnlyLooksBackTheGrowthWindow() throws IOException {
        folder("db-2026-10-01", 50_000);
        folder("db-2026-11-24", 1000);
        folder("db-2026-11-26", 1000);
        CapacitySpec spec = new CapacitySpec(null, null, null, DurationValue.parse("7d"));
        CheckResult result = run(spec, FixedUsageTarget.reporting(root, 50_000, 100_000));
        assertThat(result.metrics()).containsEntry("growthBytesPerDay", 500L).containsEntry("growthBackups", 2);
    }

    @Test
    void withoutEnoughBackupsThereIsNoEstimate() throws IOException {
        folder("db-2026-11-26", 1000);
        CheckResult result = run(DEFAULTS, FixedUsageTarget.reporting(root, 500, 1000));
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("growthBytesPerDay", CapacityCheck.NO_GROWTH)
                .containsEntry("daysUntilWarn", CapacityCheck.NO_ESTIMATE)
                .containsEntry("daysUntilFull", CapacityCheck.NO_ESTIMATE);
        assertThat(result.summary()).endsWith("growth unknown (needs two backups at different times within 30d)");
    }

    @Test
    void daysUntilAreZeroOnceALimitIsReached() throws IOException {
        folder("db-2026-11-25", 10);
        folder("db-2026-11-26", 10);
        CheckResult result = run(DEFAULTS, FixedUsageTarget.reporting(root, 900, 1000));
        assertThat(result.metrics()).containsEntry("daysUntilWarn", 0.0).containsEntry("daysUntilFull", 10.0);
    }

    @Test
    void measuresARealFileSystem() throws IOException {
        CheckResult result = run(DEFAULTS, new LocalTarget(root));
        assertThat(result.status()).isNotEqualTo(Status.ERROR);
        long used = (Long) result.metrics().get("usedBytes");
        long total = (Long) result.metrics().get("totalBytes");
        assertThat(total).isCloseTo(DiskSize.asDfSeesIt(root), org.assertj.core.data.Offset.offset(1L << 20));
        assertThat(used).isBetween(1L, total);
        assertThat(result.metrics()).containsEntry("usageSource", "filesystem");
        assertThat(result.status()).isEqualTo(new UsageThresholds(DEFAULTS.warnAt(), DEFAULTS.failAt())
                .rate(used, total));
    }
}
