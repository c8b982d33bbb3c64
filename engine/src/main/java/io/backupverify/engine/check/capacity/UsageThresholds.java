package io.backupverify.engine.check.capacity;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.Percentage;
import java.math.BigDecimal;

/**
 * Rates used space against a total: WARN from {@code warnAt}, FAIL from {@code failAt}, both inclusive. The
 * comparison is exact (no floating point), so usage exactly at a threshold is at that threshold.
 */
public record UsageThresholds(Percentage warnAt, Percentage failAt) {
    public Status rate(long used, long total) {
        if (reaches(used, total, failAt)) {
            return Status.FAIL;
        }
        return reaches(used, total, warnAt) ? Status.WARN : Status.PASS;
    }

    /** Whether used is at least the share of total: used * 100 >= share * total. */
    static boolean reaches(long used, long total, Percentage share) {
        BigDecimal usedTimesHundred = BigDecimal.valueOf(used).multiply(BigDecimal.valueOf(100));
        BigDecimal limit = BigDecimal.valueOf(share.value()).multiply(BigDecimal.valueOf(total));
        return usedTimesHundred.compareTo(limit) >= 0;
    }

    /** The number of bytes at which usage reaches the share of total, rounded up. */
    static long limit(long total, Percentage share) {
        return BigDecimal.valueOf(share.value()).multiply(BigDecimal.valueOf(total))
                .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.CEILING).longValueExact();
    }
}
