package io.backupverify.engine.check.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GfsCoverageTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static List<LocalDate> daily(LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            dates.add(date);
        }
        return dates;
    }

    private static List<String> labels(TierCoverage coverage, List<Long> periods) {
        return periods.stream().map(coverage.tier()::label).toList();
    }

    @Test
    void anUnbrokenDailyHistoryCoversEveryTier() {
        GfsCoverage coverage = new GfsCoverage(daily(LocalDate.of(2023, 1, 1), TODAY), TODAY, null);
        for (CalendarTier tier : CalendarTier.values()) {
            TierCoverage result = coverage.evaluate(tier, 3);
            assertThat(result.isSatisfied()).as(tier.name()).isTrue();
            assertThat(result.covered()).isEqualTo(3);
            assertThat(result.lastPeriod()).isEqualTo(tier.index(TODAY));
        }
    }

    @Test
    void namesEachDayWithoutABackup() {
        List<LocalDate> dates = daily(LocalDate.of(2026, 11, 1), TODAY);
        dates.remove(LocalDate.of(2026, 11, 22));
        dates.remove(LocalDate.of(2026, 11, 24));
        TierCoverage result = new GfsCoverage(dates, TODAY, null).evaluate(CalendarTier.DAILY, 7);
        assertThat(labels(result, result.missing())).containsExactly("2026-11-22", "2026-11-24");
        assertThat(result.covered()).isEqualTo(5);
        assertThat(result.beforeOldest()).isEmpty();
    }

    @Test
    void theCurrentPeriodHasGraceUntilItIsOver() {
        // Checked early on the 26th, before that day's backup: the last 7 days are the 19th to the 25th.
        TierCoverage result = new GfsCoverage(daily(LocalDate.of(2026, 11, 1), TODAY.minusDays(1)), TODAY, null)
                .evaluate(CalendarTier.DAILY, 7);
        assertThat(result.isSatisfied()).isTrue();
        assertThat(CalendarTier.DAILY.label(result.firstPeriod())).isEqualTo("2026-11-19");
        assertThat(CalendarTier.DAILY.label(result.lastPeriod())).isEqualTo("2026-11-25");
    }

    @Test
    void aStoppedSetMissesEveryPeriodSinceItsLastBackup() {
        // The newest backup is ten days old: the current day gets grace, the nine days before it do not.
        TierCoverage result = new GfsCoverage(daily(LocalDate.of(2026, 10, 1), TODAY.minusDays(10)), TODAY, null)
                .evaluate(CalendarTier.DAILY, 7);
        assertThat(labels(result, result.missing())).containsExactly("2026-11-19", "2026-11-20", "2026-11-21",
                "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25");
    }

    @Test
    void aYoungSetOnlyWarnsForPeriodsBeforeItsFirstBackup() {
        TierCoverage result = new GfsCoverage(daily(LocalDate.of(2026, 8, 10), TODAY), TODAY, null)
                .evaluate(CalendarTier.MONTHLY, 12);
        assertThat(result.missing()).isEmpty();
        assertThat(labels(result, result.beforeOldest())).containsExactly("2025-12", "2026-01", "2026-02",
                "2026-03", "2026-04", "2026-05", "2026-06", "2026-07");
        assertThat(result.covered()).isEqualTo(4);
        assertThat(result.isSatisfied()).isFalse();
    }

    @Test
    void sinceTurnsPeriodsAfterTheSetBeganIntoFailures() {
        LocalDate since = LocalDate.of(2026, 5, 20);
        TierCoverage result = new GfsCoverage(daily(LocalDate.of(2026, 8, 10), TODAY), TODAY, since)
                .evaluate(CalendarTier.MONTHLY, 12);
        assertThat(labels(result, result.missing())).containsExactly("2026-05", "2026-06", "2026-07");
        assertThat(labels(result, result.beforeOldest())).containsExactly("2025-12", "2026-01", "2026-02",
                "2026-03", "2026-04");
    }

    @Test
    void aGapAfterTheOldestBackupFailsEvenWithoutSince() {
        List<LocalDate> dates = new ArrayList<>(daily(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 7, 31)));
        dates.addAll(daily(LocalDate.of(2026, 9, 1), TODAY));
        TierCoverage result = new GfsCoverage(dates, TODAY, null).evaluate(CalendarTier.MONTHLY, 12);
        assertThat(labels(result, result.missing())).containsExactly("2026-08");
        assertThat(labels(result, result.beforeOldest())).containsExactly("2025-12");
    }

    @Test
    void monthEndBackupsCoverTheirMonths() {
        List<LocalDate> dates = List.of(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29),
                LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 30));
        TierCoverage result = new GfsCoverage(dates, LocalDate.of(2024, 5, 1), null)
                .evaluate(CalendarTier.MONTHLY, 4);
        assertThat(result.isSatisfied()).isTrue();
        assertThat(CalendarTier.MONTHLY.label(result.lastPeriod())).isEqualTo("2024-04");
    }

    @Test
    void aLeapDayIsADayOfItsOwn() {
        List<LocalDate> dates = List.of(LocalDate.of(2024, 2, 27), LocalDate.of(2024, 2, 28),
                LocalDate.of(2024, 3, 1));
        TierCoverage result = new GfsCoverage(dates, LocalDate.of(2024, 3, 1), null)
                .evaluate(CalendarTier.DAILY, 4);
        assertThat(labels(result, result.missing())).containsExactly("2024-02-29");
    }

    @Test
    void week53IsAPeriodToCover() {
        // Weekly backups on Sundays; the one for 2026-W53 (Sunday 2027-01-03) is missing.
        List<LocalDate> sundays = new ArrayList<>();
        for (LocalDate sunday = LocalDate.of(2026, 11, 1); sunday.isBefore(LocalDate.of(2027, 1, 20));
                sunday = sunday.plusWeeks(1)) {
            sundays.add(sunday);
        }
        sundays.remove(LocalDate.of(2027, 1, 3));
        TierCoverage result = new GfsCoverage(sundays, LocalDate.of(2027, 1, 20), null)
                .evaluate(CalendarTier.WEEKLY, 5);
        // Wednesday 2027-01-20 is in 2027-W03, which has no backup yet: the last five weeks end with 2027-W02.
        assertThat(CalendarTier.WEEKLY.label(result.lastPeriod())).isEqualTo("2027-W02");
        assertThat(CalendarTier.WEEKLY.label(result.firstPeriod())).isEqualTo("2026-W51");
        assertThat(labels(result, result.missing())).containsExactly("2026-W53");
    }

    @Test
    void backupsDatedAfterTodayDoNotCount() {
        List<LocalDate> dates = List.of(TODAY.minusDays(1), TODAY.plusDays(1), TODAY.plusDays(2));
        GfsCoverage coverage = new GfsCoverage(dates, TODAY, null);
        TierCoverage result = coverage.evaluate(CalendarTier.DAILY, 2);
        assertThat(labels(result, result.beforeOldest())).containsExactly("2026-11-24");
        assertThat(coverage.periodsWithBackups(CalendarTier.DAILY)).isEqualTo(1);
    }

    @Test
    void aSingleBackupCoversItsOwnPeriodsOnly() {
        GfsCoverage coverage = new GfsCoverage(List.of(TODAY), TODAY, null);
        assertThat(coverage.evaluate(CalendarTier.DAILY, 1).isSatisfied()).isTrue();
        TierCoverage yearly = coverage.evaluate(CalendarTier.YEARLY, 3);
        assertThat(labels(yearly, yearly.beforeOldest())).containsExactly("2024", "2025");
        assertThat(yearly.missing()).isEmpty();
    }

    @Test
    void noBackupsLeavesEveryPeriodUncovered() {
        GfsCoverage coverage = new GfsCoverage(List.of(), TODAY, LocalDate.of(2026, 1, 1));
        assertThat(coverage.hasBackups()).isFalse();
        assertThat(coverage.evaluate(CalendarTier.DAILY, 3).missing()).hasSize(3);
    }

    @Test
    void tenThousandBackupsAreEvaluatedCorrectly() {
        // An hourly history of 10,000 backups (about 417 days) with one whole day lost.
        List<LocalDate> dates = new ArrayList<>();
        java.time.LocalDateTime time = TODAY.atStartOfDay().minusHours(9_999);
        for (int i = 0; i < 10_000; i++, time = time.plusHours(1)) {
            if (!time.toLocalDate().equals(LocalDate.of(2026, 10, 3))) {
                dates.add(time.toLocalDate());
            }
        }
        GfsCoverage coverage = new GfsCoverage(dates, TODAY, null);
        TierCoverage daily = coverage.evaluate(CalendarTier.DAILY, 365);
        assertThat(labels(daily, daily.missing())).containsExactly("2026-10-03");
        assertThat(daily.beforeOldest()).isEmpty();
        assertThat(coverage.evaluate(CalendarTier.WEEKLY, 52).isSatisfied()).isTrue();
        assertThat(coverage.evaluate(CalendarTier.MONTHLY, 12).isSatisfied()).isTrue();
        TierCoverage monthly = coverage.evaluate(CalendarTier.MONTHLY, 15);
        assertThat(labels(monthly, monthly.beforeOldest())).containsExactly("2025-09");
    }
}
