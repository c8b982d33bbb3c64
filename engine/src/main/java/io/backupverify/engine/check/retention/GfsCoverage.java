package io.backupverify.engine.check.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which calendar periods hold a backup, and which of the last N periods of a tier do not.
 *
 * <p>The last N periods end with the current period (the one holding today) when it already has a backup, else
 * with the period before it: the period in progress gets grace until it is over, as a backup later today, this week
 * or this month still covers it. Backups dated after today are not counted.
 */
public final class GfsCoverage {
    private final LocalDate today;
    private final LocalDate since;
    private final Map<CalendarTier, Set<Long>> covered = new EnumMap<>(CalendarTier.class);
    private final Map<CalendarTier, Long> oldest = new EnumMap<>(CalendarTier.class);

    /**
     * @param backupDates the calendar dates (in the plan's zone) the backups were taken on, in any order
     * @param today       the date the check runs on, in the plan's zone
     * @param since       the date the set began, or null when the plan does not say
     */
    public GfsCoverage(Collection<LocalDate> backupDates, LocalDate today, LocalDate since) {
        this.today = today;
        this.since = since;
        Set<LocalDate> dates = new HashSet<>();
        for (LocalDate date : backupDates) {
            if (!date.isAfter(today)) {
                dates.add(date);
            }
        }
        for (CalendarTier tier : CalendarTier.values()) {
            Set<Long> periods = new HashSet<>();
            long first = Long.MAX_VALUE;
            for (LocalDate date : dates) {
                long index = tier.index(date);
                periods.add(index);
                first = Math.min(first, index);
            }
            covered.put(tier, periods);
            if (!periods.isEmpty()) {
                oldest.put(tier, first);
            }
        }
    }

    /** Whether any backup is dated today or earlier. */
    public boolean hasBackups() {
        return !covered.get(CalendarTier.DAILY).isEmpty();
    }

    /** How many distinct periods of the tier hold at least one backup. */
    public int periodsWithBackups(CalendarTier tier) {
        return covered.get(tier).size();
    }

    public TierCoverage evaluate(CalendarTier tier, int keep) {
        Set<Long> periods = covered.get(tier);
        long current = tier.index(today);
        long last = periods.contains(current) ? current : current - 1;
        long first = last - keep + 1;
        long oldestPeriod = oldest.getOrDefault(tier, Long.MAX_VALUE);
        long sincePeriod = since == null ? Long.MAX_VALUE : tier.index(since);
        List<Long> missing = new ArrayList<>();
        List<Long> beforeOldest = new ArrayList<>();
        for (long period = first; period <= last; period++) {
            if (periods.contains(period)) {
                continue;
            }
            if (period < oldestPeriod && period < sincePeriod) {
                beforeOldest.add(period);
            } else {
                missing.add(period);
            }
        }
        return new TierCoverage(tier, keep, first, last, missing, beforeOldest);
    }
}
