package io.backupverify.engine.check.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.check.TestContexts;
import io.backupverify.engine.plan.CalendarDate;
import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.plan.LayoutSpec;
import io.backupverify.engine.plan.RetentionSpec;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.ForwardingTarget;
import io.backupverify.engine.target.LocalTarget;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionCheckTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    @TempDir
    Path root;

    /** Runs the check; each backup folder the test did not make holds a small dump. */
    private CheckResult run(RetentionSpec spec, List<Backup> backups, Instant now, ZoneId zone) {
        Target target = new ForwardingTarget(new LocalTarget(root)) {
            @Override
            public List<Entry> list(String folder) throws IOException {
                return Files.isDirectory(root.resolve(folder)) ? super.list(folder)
                        : List.of(Entry.file(folder + "/db.dump", 4, now));
            }
        };
        CheckContext context = TestContexts.of(target, LayoutSpec.DEFAULT, backups, now, zone);
        try {
            return new RetentionCheck(spec).run(context);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RetentionSpec gfs(int daily, int weekly, int monthly, int yearly) {
        return new RetentionSpec(daily, weekly, monthly, yearly, null, null, null);
    }

    private static RetentionSpec ages(String minAge, String maxAge, String since) {
        return new RetentionSpec(null, null, null, null, minAge == null ? null : DurationValue.parse(minAge),
                maxAge == null ? null : DurationValue.parse(maxAge), since == null ? null : CalendarDate.parse(since));
    }

    /** Backups at 02:00 UTC every day from one date to another. */
    private static List<Backup> nightly(LocalDate from, LocalDate to) {
        List<Backup> backups = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            backups.add(TestContexts.backup("b-" + date, date.atTime(2, 0).toInstant(ZoneOffset.UTC)));
        }
        return backups;
    }

    private static List<String> messages(CheckResult result, Status severity) {
        return result.findings().stream().filter(f -> f.severity() == severity).map(Finding::message).toList();
    }

    @Test
    void aFullHistoryPassesWithCountsPerTier() {
        CheckResult result = run(gfs(7, 4, 12, 3), nightly(LocalDate.of(2023, 6, 1), LocalDate.of(2026, 11, 26)),
                NOW, UTC);
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.findings()).isEmpty();
        assertThat(result.metrics()).containsEntry("oldestBackup", "b-2023-06-01")
                .containsEntry("newestBackup", "b-2026-11-26").containsEntry("backups", 1275);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> tiers = (Map<String, Map<String, Object>>) result.metrics().get("tiers");
        assertThat(tiers).containsOnlyKeys("daily", "weekly", "monthly", "yearly");
        assertThat(tiers.get("monthly")).containsEntry("required", 12).containsEntry("covered", 12)
                .containsEntry("from", "2025-12").containsEntry("to", "2026-11");
        assertThat(tiers.get("yearly")).containsEntry("from", "2024").containsEntry("to", "2026");
        assertThat(result.summary()).contains("daily 7/7, weekly 4/4, monthly 12/12, yearly 3/3");
    }

    @Test
    void namesEachUncoveredPeriod() {
        List<Backup> backups = new ArrayList<>(nightly(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 7, 31)));
        backups.addAll(nightly(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 26)));
        CheckResult result = run(gfs(0, 0, 12, 0), backups, NOW, UTC);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.item()).isEqualTo("2026-08");
            assertThat(finding.message()).isEqualTo("no monthly backup for 2026-08");
        });
    }

    @Test
    void aFolderLeftEmptyByADeadJobCoversNoDay() throws IOException {
        List<Backup> backups = nightly(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 25));
        // the last two nights the job made its folder (and an empty checksum file), then died
        Files.createDirectories(root.resolve("b-2026-11-24"));
        Files.createDirectories(root.resolve("b-2026-11-25"));
        Files.writeString(root.resolve("b-2026-11-25/SHA256SUMS"), "");

        CheckResult result = run(gfs(7, 0, 0, 0), backups, NOW, UTC);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(messages(result, Status.FAIL)).containsExactly("no daily backup for 2026-11-25",
                "no daily backup for 2026-11-24");
        assertThat(messages(result, Status.WARN)).hasSize(2)
                .allMatch(message -> message.startsWith("holds no data"));
        assertThat(result.metrics()).containsEntry("emptyBackups", 2).containsEntry("newestBackup", "b-2026-11-23");
    }

    @Test
    void onlyEmptyFoldersFail() throws IOException {
        Files.createDirectories(root.resolve("b-2026-11-25"));

        CheckResult result = run(gfs(1, 0, 0, 0),
                List.of(TestContexts.backup("b-2026-11-25", Instant.parse("2026-11-25T02:00:00Z"))), NOW, UTC);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(messages(result, Status.FAIL)).contains("no backup holds any data");
    }

    @Test
    void anEmptySetFails() {
        CheckResult result = run(gfs(7, 0, 0, 0), List.of(), NOW, UTC);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("no backup found");
    }

    @Test
    void aSingleBackupWarnsThatTheSetIsYoungerThanThePolicy() {
        CheckResult result = run(gfs(7, 0, 12, 0), List.of(TestContexts.backup("first", NOW.minusSeconds(3600))),
                NOW, UTC);
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(messages(result, Status.WARN)).containsExactly(
                "6 daily periods (2026-11-20 to 2026-11-25) predate the oldest backup: the set may be younger than "
                        + "the policy, or older backups were deleted; set retention.since to the date the set began "
                        + "so that gaps after it fail",
                "11 monthly periods (2025-12 to 2026-10) predate the oldest backup: the set may be younger than the "
                        + "policy, or older backups were deleted; set retention.since to the date the set began so "
                        + "that gaps after it fail");
    }

    @Test
    void sinceMakesMissingHistoryAFailure() {
        RetentionSpec spec = new RetentionSpec(0, 0, 12, 0, null, null, CalendarDate.parse("2026-02-01"));
        CheckResult result = run(spec, nightly(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 26)), NOW, UTC);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(messages(result, Status.FAIL)).containsExactly("no monthly backup for 2026-05",
                "no monthly backup for 2026-04", "no monthly backup for 2026-03", "no monthly backup for 2026-02");
        assertThat(messages(result, Status.WARN)).singleElement().asString()
                .startsWith("2 monthly periods (2025-12 to 2026-01) predate the oldest backup")
                .contains("before the set began (since 2026-02-01)");
    }

    @Test
    void daysFollowThePlansTimeZoneAcrossTheSpringClockChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 00:30 local on 2026-03-29 (the day clocks go forward) is still 2026-03-28 in UTC.
        Instant justAfterMidnight = LocalDateTime.of(2026, 3, 29, 0, 30).atZone(berlin).toInstant();
        Instant nextDay = LocalDateTime.of(2026, 3, 30, 3, 30).atZone(berlin).toInstant();
        Instant now = LocalDateTime.of(2026, 3, 30, 12, 0).atZone(berlin).toInstant();
        List<Backup> backups = List.of(TestContexts.backup("a", justAfterMidnight), TestContexts.backup("b", nextDay));
        assertThat(run(gfs(2, 0, 0, 0), backups, now, berlin).status()).isEqualTo(Status.PASS);
        CheckResult inUtc = run(gfs(2, 0, 0, 0), backups, now, UTC);
        assertThat(inUtc.status()).isEqualTo(Status.FAIL);
        assertThat(messages(inUtc, Status.FAIL)).containsExactly("no daily backup for 2026-03-29");
    }

    @Test
    void daysFollowThePlansTimeZoneAcrossTheAutumnClockChange() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // 2026-11-01: 01:30 happens twice in New York; both backups fall on the same local day.
        List<Backup> backups = List.of(
                TestContexts.backup("first", Instant.parse("2026-11-01T05:30:00Z")),
                TestContexts.backup("second", Instant.parse("2026-11-01T06:30:00Z")),
                TestContexts.backup("late", Instant.parse("2026-11-02T04:30:00Z")));
        Instant now = Instant.parse("2026-11-02T12:00:00Z");
        CheckResult result = run(gfs(3, 0, 0, 0), backups, now, newYork);
        // 2026-11-02T04:30Z is 23:30 on 11-01 in New York: only one local day has backups, today has none.
        assertThat(messages(result, Status.WARN)).singleElement().asString()
                .startsWith("2 daily periods (2026-10-30 to 2026-10-31)");
        assertThat(result.findings()).hasSize(1);
    }

    @Test
    void minAgeIsMetWhenTheOldestBackupReachesBackFarEnough() {
        List<Backup> backups = nightly(LocalDate.of(2026, 10, 22), LocalDate.of(2026, 11, 26));
        assertThat(run(ages("35d", null, null), backups, NOW, UTC).status()).isEqualTo(Status.PASS);
        assertThat(run(ages("36d", null, null), backups, NOW, UTC).status()).isEqualTo(Status.WARN);
    }

    @Test
    void minAgeShortfallWarnsWithoutSinceAndFailsWithAnEarlierSince() {
        List<Backup> backups = nightly(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 26));
        CheckResult unknownStart = run(ages("35d", null, null), backups, NOW, UTC);
        assertThat(unknownStart.status()).isEqualTo(Status.WARN);
        assertThat(unknownStart.findings().get(0).message()).startsWith(
                "the oldest backup is 16d 6h old; minAge 35d asks for backups reaching back to 2026-10-22");
        CheckResult oldSet = run(ages("35d", null, "2026-01-01"), backups, NOW, UTC);
        assertThat(oldSet.status()).isEqualTo(Status.FAIL);
        assertThat(oldSet.findings().get(0).message()).endsWith("older backups were deleted too early");
        CheckResult youngSet = run(ages("35d", null, "2026-11-10"), backups, NOW, UTC);
        assertThat(youngSet.status()).isEqualTo(Status.WARN);
        assertThat(youngSet.findings().get(0).message()).endsWith("but the set began only on 2026-11-10");
    }

    @Test
    void namesEachBackupOlderThanMaxAge() {
        List<Backup> backups = List.of(
                TestContexts.backup("expired", NOW.minus(Duration.ofDays(40))),
                TestContexts.backup("at-limit", NOW.minus(Duration.ofDays(30))),
                TestContexts.backup("recent", NOW.minus(Duration.ofDays(1))));
        CheckResult result = run(ages(null, "30d", null), backups, NOW, UTC);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.item()).isEqualTo("expired");
            assertThat(finding.message()).isEqualTo("is 40d old, older than maxAge 30d; it should have been deleted");
        });
        assertThat(result.metrics()).containsEntry("expired", 1).containsEntry("expiredBackups", List.of("expired"));
        assertThat(result.summary()).endsWith("1 older than 30d");
    }

    @Test
    void aGapThatMaxAgeForbidsFillingIsExplained() {
        List<Backup> backups = nightly(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 26));
        RetentionSpec spec = new RetentionSpec(0, 0, 6, 0, null, DurationValue.parse("100d"),
                CalendarDate.parse("2026-01-01"));
        CheckResult result = run(spec, backups, NOW, UTC);
        assertThat(messages(result, Status.FAIL)).containsExactly("no monthly backup for 2026-08",
                "no monthly backup for 2026-07 (maxAge 100d expires any backup from then: the policy contradicts "
                        + "itself)",
                "no monthly backup for 2026-06 (maxAge 100d expires any backup from then: the policy contradicts "
                        + "itself)");
    }

    @Test
    void listsAtMostFiftyGapsPerTier() {
        List<Backup> backups = List.of(TestContexts.backup("old", Instant.parse("2026-01-01T02:00:00Z")),
                TestContexts.backup("new", Instant.parse("2026-11-26T02:00:00Z")));
        CheckResult result = run(gfs(300, 0, 0, 0), backups, NOW, UTC);
        // The last 300 days run from 2026-01-31 to today; 299 of them have no backup.
        assertThat(result.findings()).hasSize(RetentionCheck.MAX_LISTED + 1);
        assertThat(result.findings().get(0).message()).isEqualTo("no daily backup for 2026-11-25");
        assertThat(result.findings().get(RetentionCheck.MAX_LISTED).message())
                .isEqualTo("249 more daily periods without a backup, back to 2026-01-31");
    }

    @Test
    void tenThousandBackupsAreEvaluatedCorrectly() {
        List<Backup> backups = new ArrayList<>();
        Instant time = NOW.minus(Duration.ofHours(9_999));
        for (int i = 0; i < 10_000; i++, time = time.plus(Duration.ofHours(1))) {
            backups.add(TestContexts.backup("h" + i, time));
        }
        CheckResult result = run(new RetentionSpec(24, 8, 12, 0, DurationValue.parse("300d"),
                DurationValue.parse("400d"), null), backups, NOW, UTC);
        assertThat(result.metrics()).containsEntry("backups", 10_000);
        // Backups reach back 416 days, so those older than 400 days are expired: 16 days of hourly backups.
        assertThat((Integer) result.metrics().get("expired")).isBetween(16 * 24, 17 * 24);
        assertThat(result.findings()).hasSize(RetentionCheck.MAX_LISTED + 1)
                .allMatch(finding -> finding.severity() == Status.FAIL);
    }
}
