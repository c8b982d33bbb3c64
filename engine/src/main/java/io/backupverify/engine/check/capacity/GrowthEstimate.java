package io.backupverify.engine.check.capacity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How fast a set's backups fill the target: the bytes of every backup after the first, divided by the days from
 * the first to the last. This assumes nothing is deleted meanwhile; where a retention policy deletes as much as
 * it adds, the real growth is lower, so the estimate errs towards warning early.
 *
 * @param bytesPerDay           bytes added per day
 * @param sizeChangePerDay      how much larger each backup gets per day (last against first)
 * @param backups               how many backups the estimate rests on
 * @param span                  the time from the first to the last of them
 */
public record GrowthEstimate(double bytesPerDay, double sizeChangePerDay, int backups, Duration span) {
    private static final double SECONDS_PER_DAY = 86_400.0;

    /** The estimate from backups ordered oldest first; empty with fewer than two or no time between them. */
    public static Optional<GrowthEstimate> of(List<SizedBackup> backups) {
        if (backups.size() < 2) {
            return Optional.empty();
        }
        SizedBackup first = backups.get(0);
        SizedBackup last = backups.get(backups.size() - 1);
        Duration span = Duration.between(first.time(), last.time());
        if (span.isNegative() || span.isZero()) {
            return Optional.empty();
        }
        double days = span.getSeconds() / SECONDS_PER_DAY;
        long added = 0;
        for (SizedBackup backup : backups.subList(1, backups.size())) {
            added += backup.bytes();
        }
        return Optional.of(new GrowthEstimate(added / days, (last.bytes() - first.bytes()) / days, backups.size(),
                span));
    }

    /** Days until usage grows from {@code used} to {@code limit}: 0 when already there, empty when not growing. */
    public Optional<Double> daysUntil(long used, long limit) {
        if (used >= limit) {
            return Optional.of(0.0);
        }
        if (bytesPerDay <= 0) {
            return Optional.empty();
        }
        return Optional.of((limit - used) / bytesPerDay);
    }
}
