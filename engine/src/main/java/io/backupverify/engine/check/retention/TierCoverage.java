package io.backupverify.engine.check.retention;

import java.util.List;

/**
 * How well one retention tier is covered: of the {@code required} periods from {@code firstPeriod} to
 * {@code lastPeriod}, which have no backup. A period without a backup is {@code missing} (a failure) unless it lies
 * before the set's oldest backup and before its declared start, where it is {@code beforeOldest} (the set may just
 * be younger than the policy).
 */
public record TierCoverage(CalendarTier tier, int required, long firstPeriod, long lastPeriod, List<Long> missing,
        List<Long> beforeOldest) {
    public TierCoverage {
        missing = List.copyOf(missing);
        beforeOldest = List.copyOf(beforeOldest);
    }

    public int covered() {
        return required - missing.size() - beforeOldest.size();
    }

    public boolean isSatisfied() {
        return missing.isEmpty() && beforeOldest.isEmpty();
    }
}
