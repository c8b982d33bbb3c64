package io.backupverify.engine.check.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CalendarTierTest {
    private static String label(CalendarTier tier, LocalDate date) {
        return tier.label(tier.index(date));
    }

    @Test
    void weeksRunMondayToSunday() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        long week = CalendarTier.WEEKLY.index(monday);
        for (int day = 0; day < 7; day++) {
            assertThat(CalendarTier.WEEKLY.index(monday.plusDays(day))).isEqualTo(week);
        }
        assertThat(CalendarTier.WEEKLY.index(monday.minusDays(1))).isEqualTo(week - 1);
        assertThat(CalendarTier.WEEKLY.index(monday.plusDays(7))).isEqualTo(week + 1);
        assertThat(CalendarTier.WEEKLY.start(week)).isEqualTo(monday);
        assertThat(CalendarTier.WEEKLY.label(week)).isEqualTo("2026-W48");
    }

    @Test
    void isoWeek53BelongsToTheYearItStartedIn() {
        // 2026 starts on a Thursday, so it has 53 ISO weeks; 2027-01-01..03 are in 2026-W53.
        assertThat(label(CalendarTier.WEEKLY, LocalDate.of(2026, 12, 28))).isEqualTo("2026-W53");
        assertThat(label(CalendarTier.WEEKLY, LocalDate.of(2027, 1, 3))).isEqualTo("2026-W53");
        assertThat(label(CalendarTier.WEEKLY, LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
        assertThat(label(CalendarTier.WEEKLY, LocalDate.of(2020, 12, 31))).isEqualTo("2020-W53");
        assertThat(label(CalendarTier.WEEKLY, LocalDate.of(2021, 1, 1))).isEqualTo("2020-W53");
        // 2025-12-29 (a Monday) starts 2026-W01.
        assertThat(label(CalendarTier.WEEKLY, LocalDate.of(2025, 12, 29))).isEqualTo("2026-W01");
        assertThat(CalendarTier.WEEKLY.index(LocalDate.of(2027, 1, 4))
                - CalendarTier.WEEKLY.index(LocalDate.of(2026, 12, 28))).isEqualTo(1);
    }

    @Test
    void weeksBefore1970AreNumberedConsecutively() {
        LocalDate monday = LocalDate.of(1969, 12, 29);
        assertThat(CalendarTier.WEEKLY.index(monday)).isZero();
        assertThat(CalendarTier.WEEKLY.index(monday.minusDays(1))).isEqualTo(-1);
        assertThat(CalendarTier.WEEKLY.start(-1)).isEqualTo(LocalDate.of(1969, 12, 22));
    }

    @Test
    void monthsFollowEachOtherAcrossYearEnds() {
        long december = CalendarTier.MONTHLY.index(LocalDate.of(2026, 12, 31));
        assertThat(CalendarTier.MONTHLY.index(LocalDate.of(2027, 1, 1))).isEqualTo(december + 1);
        assertThat(CalendarTier.MONTHLY.label(december)).isEqualTo("2026-12");
        assertThat(CalendarTier.MONTHLY.start(december + 1)).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void monthEndsAndLeapDaysStayInTheirMonth() {
        assertThat(label(CalendarTier.MONTHLY, LocalDate.of(2024, 2, 29))).isEqualTo("2024-02");
        assertThat(label(CalendarTier.MONTHLY, LocalDate.of(2026, 1, 31))).isEqualTo("2026-01");
        assertThat(label(CalendarTier.MONTHLY, LocalDate.of(2026, 2, 28))).isEqualTo("2026-02");
        assertThat(label(CalendarTier.DAILY, LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(CalendarTier.DAILY.index(LocalDate.of(2024, 3, 1))
                - CalendarTier.DAILY.index(LocalDate.of(2024, 2, 28))).isEqualTo(2);
        assertThat(CalendarTier.DAILY.index(LocalDate.of(2026, 3, 1))
                - CalendarTier.DAILY.index(LocalDate.of(2026, 2, 28))).isEqualTo(1);
    }

    @Test
    void yearsAreTheirNumbers() {
        assertThat(label(CalendarTier.YEARLY, LocalDate.of(2026, 12, 31))).isEqualTo("2026");
        assertThat(CalendarTier.YEARLY.start(2027)).isEqualTo(LocalDate.of(2027, 1, 1));
    }
}
