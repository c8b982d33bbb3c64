package io.backupverify.engine.check.retention;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * The calendar periods of grandfather-father-son retention, bucketed as restic's {@code forget} does: a day is a
 * date, a week an ISO week (Monday to Sunday, numbered within its week-based year, so 2027-01-02 is in 2026-W53),
 * a month a year and month, a year a year. Periods are numbered consecutively so that gaps are simple arithmetic.
 */
public enum CalendarTier {
    DAILY("daily") {
        @Override
        public long index(LocalDate date) {
            return date.toEpochDay();
        }

        @Override
        public LocalDate start(long index) {
            return LocalDate.ofEpochDay(index);
        }

        @Override
        public String label(long index) {
            return start(index).toString();
        }
    },
    WEEKLY("weekly") {
        /** 1970-01-01 was a Thursday; shifting by three days makes weeks start on Monday. */
        private static final int MONDAY_SHIFT = 3;

        @Override
        public long index(LocalDate date) {
            return Math.floorDiv(date.toEpochDay() + MONDAY_SHIFT, 7);
        }

        @Override
        public LocalDate start(long index) {
            return LocalDate.ofEpochDay(index * 7 - MONDAY_SHIFT);
        }

        @Override
        public String label(long index) {
            LocalDate monday = start(index);
            return String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    },
    MONTHLY("monthly") {
        @Override
        public long index(LocalDate date) {
            return date.getYear() * 12L + date.getMonthValue() - 1;
        }

        @Override
        public LocalDate start(long index) {
            return LocalDate.of((int) Math.floorDiv(index, 12), (int) Math.floorMod(index, 12) + 1, 1);
        }

        @Override
        public String label(long index) {
            return YearMonth.from(start(index)).toString();
        }
    },
    YEARLY("yearly") {
        @Override
        public long index(LocalDate date) {
            return date.getYear();
        }

        @Override
        public LocalDate start(long index) {
            return LocalDate.of((int) index, 1, 1);
        }

        @Override
        public String label(long index) {
            return Long.toString(index);
        }
    };

    private final String adjective;

    CalendarTier(String adjective) {
        this.adjective = adjective;
    }

    /** {@code daily}, {@code weekly}, {@code monthly}, {@code yearly}: as messages and metrics name the tier. */
    public String adjective() {
        return adjective;
    }

    /** The number of the period a date falls in; consecutive periods have consecutive numbers. */
    public abstract long index(LocalDate date);

    /** The first day of a period. */
    public abstract LocalDate start(long index);

    /** The period as people write it: {@code 2026-08-14}, {@code 2026-W33}, {@code 2026-08}, {@code 2026}. */
    public abstract String label(long index);
}
