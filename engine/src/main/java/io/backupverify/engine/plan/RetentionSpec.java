package io.backupverify.engine.plan;

/**
 * What the set must keep (grandfather-father-son): a backup in each of the last {@code keepDaily} days,
 * {@code keepWeekly} ISO weeks, {@code keepMonthly} months and {@code keepYearly} years of the plan's time zone;
 * backups reaching back at least {@code minAge}; none older than {@code maxAge}. {@code since} is the date the set
 * began: periods from then on that lack a backup fail even when they predate the oldest backup.
 * Absent counts are 0 (the tier is not required).
 */
public record RetentionSpec(Integer keepDaily, Integer keepWeekly, Integer keepMonthly, Integer keepYearly,
        DurationValue minAge, DurationValue maxAge, CalendarDate since) {
    public RetentionSpec {
        keepDaily = keepDaily == null ? 0 : keepDaily;
        keepWeekly = keepWeekly == null ? 0 : keepWeekly;
        keepMonthly = keepMonthly == null ? 0 : keepMonthly;
        keepYearly = keepYearly == null ? 0 : keepYearly;
    }

    /** Whether the spec asks for anything at all. */
    public boolean isEmpty() {
        return keepDaily == 0 && keepWeekly == 0 && keepMonthly == 0 && keepYearly == 0 && minAge == null
                && maxAge == null;
    }
}
