package io.backupverify.engine.check.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.ForwardingTarget;
import io.backupverify.engine.target.LocalTarget;
import io.backupverify.engine.testing.BackupTree;
import io.backupverify.engine.testing.Plans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshnessCheckTest {
    private static final String PLAN = """
            backupSets:
              - name: orders
                target: { type: local, path: backups }
                layout: { namePattern: "orders-{yyyy-MM-dd'T'HHmm}" }
                checks: { freshness: { maxAge: 26h } }
            """;
    private static final String UNDATED = """
            backupSets:
              - name: orders
                target: { type: local, path: backups }
                checks: { freshness: { maxAge: 26h } }
            """;
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void passesWhenTheNewestBackupIsYoungEnough() throws Exception {
        BackupTree tree = new BackupTree(dir.resolve("backups"));
        tree.backup("orders-2026-11-20T0100", NOW, "a", "1");
        tree.backup("orders-2026-11-25T1000", NOW, "a", "1");

        CheckResult result = check();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).contains("orders-2026-11-25T1000").contains("26h");
        assertThat(result.metrics()).containsEntry("ageSeconds", 26L * 3600).containsEntry("maxAgeSeconds", 26L * 3600);
    }

    @Test
    void failsOneSecondPastTheLimit() throws Exception {
        new BackupTree(dir.resolve("backups")).backup("orders-2026-11-25T0959", NOW, "a", "1");

        CheckResult result = check();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.item()).isEqualTo("orders-2026-11-25T0959");
            assertThat(finding.message()).contains("26h 1m old");
        });
    }

    @Test
    void failsWhenThereIsNoBackup() throws Exception {
        Files.createDirectories(dir.resolve("backups"));

        CheckResult result = check();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("no backup found");
    }

    @Test
    void warnsAboutBackupsFromTheFuture() throws Exception {
        new BackupTree(dir.resolve("backups")).backup("orders-2026-11-27T1000", NOW, "a", "1");

        CheckResult result = check();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.findings().get(0).message()).contains("future");
    }

    @Test
    void aBackupDatedInTheFutureDoesNotHideThatTheRealBackupsAreStale() throws Exception {
        BackupTree tree = new BackupTree(dir.resolve("backups"));
        tree.backup("orders-2026-11-10T0100", NOW, "a", "1");
        tree.backup("orders-2099-01-01T0000", NOW, "a", "1");

        CheckResult result = check();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).anySatisfy(finding -> {
            assertThat(finding.item()).isEqualTo("orders-2026-11-10T0100");
            assertThat(finding.severity()).isEqualTo(Status.FAIL);
        });
        assertThat(result.findings()).anySatisfy(finding -> {
            assertThat(finding.item()).isEqualTo("orders-2099-01-01T0000");
            assertThat(finding.message()).contains("future");
        });
        assertThat(result.metrics()).containsEntry("latestBackup", "orders-2026-11-10T0100");
    }

    @Test
    void aBackupDatedInTheFutureBesideAFreshOneWarns() throws Exception {
        BackupTree tree = new BackupTree(dir.resolve("backups"));
        tree.backup("orders-2026-11-26T0100", NOW, "a", "1");
        tree.backup("orders-2026-11-26T1500", NOW, "a", "1");

        CheckResult result = check();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.metrics()).containsEntry("latestBackup", "orders-2026-11-26T0100");
    }

    @Test
    void anEmptyNewestBackupDoesNotHideThatTheBackupsStopped() throws Exception {
        BackupTree tree = new BackupTree(dir.resolve("backups"));
        tree.backup("orders-2026-11-20T0100", NOW, "orders.dump", "rows");
        tree.backup("orders-2026-11-26T0100", NOW);

        CheckResult result = check();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("latestBackup", "orders-2026-11-20T0100");
        assertThat(result.findings()).anySatisfy(finding -> {
            assertThat(finding.item()).isEqualTo("orders-2026-11-26T0100");
            assertThat(finding.severity()).isEqualTo(Status.WARN);
            assertThat(finding.message()).contains("holds no data");
        });
    }

    @Test
    void backupsThatAllHoldNoDataFail() throws Exception {
        new BackupTree(dir.resolve("backups")).backup("orders-2026-11-26T0100", NOW, "orders.dump", "");

        CheckResult result = check();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("no backup holds any data");
    }

    @Test
    void aZeroByteDumpIsNotTheNewestBackup() throws Exception {
        Path dumps = Files.createDirectories(dir.resolve("dumps"));
        Files.writeString(dumps.resolve("orders-2026-11-22.sql"), "-- dump");
        Files.writeString(dumps.resolve("orders-2026-11-26.sql"), "");
        String plan = """
                backupSets:
                  - name: orders
                    target: { type: local, path: dumps }
                    layout: { kind: file-per-backup, namePattern: "orders-{yyyy-MM-dd}.sql" }
                    checks: { freshness: { maxAge: 26h } }
                """;

        CheckResult result = Plans.runSet(plan, dir, NOW).checks().get(0);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("latestBackup", "orders-2026-11-22.sql");
    }

    @Test
    void anUnreadableTargetIsAnErrorNotAPass() throws Exception {
        CheckResult result = check();

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.summary()).contains("cannot list the target").contains("backups");
    }

    /**
     * A job in Tokyo names its backups in local time and the plan gives no {@code timezone}: read as UTC, a backup
     * 27 hours old looks 18 hours old. Its folder was last written 9 hours before the time its name gives, which
     * cannot be if the names were UTC, so the check may not pass it.
     */
    @Test
    void aLocalNameReadAsUtcDoesNotPassAStaleBackup() throws Exception {
        Instant written = Instant.parse("2026-11-25T09:02:00Z");
        new BackupTree(dir.resolve("backups")).backup("orders-2026-11-25T1800", written, "a", "1");

        CheckResult unstated = check();
        CheckResult tokyo = Plans.runSet("timezone: Asia/Tokyo\n" + PLAN, dir, NOW).checks().get(0);
        CheckResult utc = Plans.runSet("timezone: UTC\n" + PLAN, dir, NOW).checks().get(0);

        assertThat(unstated.status()).isEqualTo(Status.WARN);
        assertThat(unstated.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.item()).isEqualTo("orders-2026-11-25T1800");
            assertThat(finding.message()).contains("plan gives no timezone").contains("2026-11-25T09:02:00Z")
                    .contains("26h 58m old").contains("timezone:");
        });
        assertThat(tokyo.status()).isEqualTo(Status.FAIL);
        assertThat(utc.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aFolderWrittenLongBeforeItsNameSaysIsNoZoneMistake() throws Exception {
        // rsync -a keeps the source folder's time: written 3 days before the backup, never a zone's offset
        new BackupTree(dir.resolve("backups")).backup("orders-2026-11-25T1800", Instant.parse("2026-11-22T09:00:00Z"),
                "a", "1");

        assertThat(check().status()).isEqualTo(Status.PASS);
    }

    /**
     * A backup folder dated by its own time, five days old, where something removed a file today: the folder's time
     * is new, no file in it is.
     */
    @Test
    void aStaleFolderWhoseTimeWasRenewedByARemovalIsNotPassed() throws Exception {
        Path folder = new BackupTree(dir.resolve("backups")).backup("orders", NOW.minus(Duration.ofDays(5)),
                "orders.dump", "data", "lock", "x");
        Files.delete(folder.resolve("lock"));
        Files.setLastModifiedTime(folder, FileTime.from(NOW.minus(Duration.ofHours(2))));

        CheckResult result = Plans.runSet(UNDATED, dir, NOW).checks().get(0);

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.item()).isEqualTo("orders");
            assertThat(finding.message()).contains("last changed 2h").contains("written 5d").contains("namePattern");
        });
    }

    @Test
    void aFolderDatedByItsTimeWithOneFreshFilePasses() throws Exception {
        Path folder = new BackupTree(dir.resolve("backups")).backup("orders", NOW.minus(Duration.ofDays(5)),
                "old.dump", "data", "new.dump", "data");
        Files.setLastModifiedTime(folder.resolve("new.dump"), FileTime.from(NOW.minus(Duration.ofHours(3))));
        Files.setLastModifiedTime(folder, FileTime.from(NOW.minus(Duration.ofHours(2))));

        assertThat(Plans.runSet(UNDATED, dir, NOW).checks().get(0).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aFolderDatedByItsTimeThatIsOldStillFails() throws Exception {
        new BackupTree(dir.resolve("backups")).backup("orders", NOW.minus(Duration.ofDays(5)), "orders.dump", "data");

        assertThat(Plans.runSet(UNDATED, dir, NOW).checks().get(0).status()).isEqualTo(Status.FAIL);
    }

    /**
     * The same renewed folder, with a subfolder whose listing fails: the folder's time cannot be confirmed by its
     * files, so it is not passed on that time alone.
     */
    @Test
    void aRenewedFolderThatCannotBeListedWholeIsNotPassed() throws Exception {
        Path folder = new BackupTree(dir.resolve("backups")).backup("orders", NOW.minus(Duration.ofDays(5)),
                "orders.dump", "data", "logs/run.log", "x");
        Files.setLastModifiedTime(folder, FileTime.from(NOW.minus(Duration.ofHours(2))));
        Verifier verifier = new Verifier(set -> new ForwardingTarget(new LocalTarget(dir.resolve("backups"))) {
            @Override
            public List<Entry> list(String path) throws IOException {
                if (path.endsWith("/logs")) {
                    throw new IOException("Input/output error");
                }
                return super.list(path);
            }
        });

        CheckResult result = verifier.verify(Plans.parse(UNDATED, dir),
                VerifyOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC))).sets().get(0).checks().get(0);

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.item()).isEqualTo("orders");
            assertThat(finding.message()).contains("last changed 2h").contains("cannot be listed")
                    .contains("Input/output error");
        });
    }

    private CheckResult check() throws InterruptedException {
        return Plans.runSet(PLAN, dir, NOW).checks().get(0);
    }
}
