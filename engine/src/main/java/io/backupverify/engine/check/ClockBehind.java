package io.backupverify.engine.check;

import io.backupverify.engine.backup.BackupTimeline;
import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.target.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * This machine's clock, found behind the store's by more than the clocks may disagree: the store answered with a
 * later time (its {@code Date} header) than this machine's clock read after the answer. A clock that runs slow makes
 * a stale backup dated by the store's clock (an object's time) look young, so the run measures ages by the store's
 * clock instead. Network delays only make this machine's clock look ahead, never behind, so a right clock is never
 * taken for a slow one.
 *
 * @param behind    how far this machine's clock is behind
 * @param storeTime the store's time in its latest answer
 * @param localTime this machine's time just after that answer
 */
public record ClockBehind(Duration behind, Instant storeTime, Instant localTime) {
    /** The store's clock against this machine's, read just after the target's latest answer. */
    public static Optional<ClockBehind> of(Target target, Instant localTime) {
        Optional<Instant> storeTime = target.storeTime();
        if (storeTime.isEmpty()) {
            return Optional.empty();
        }
        Duration behind = Duration.between(localTime, storeTime.get());
        if (behind.compareTo(BackupTimeline.CLOCK_TOLERANCE) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ClockBehind(behind, storeTime.get(), localTime));
    }

    /** What a check that measures ages says about it. */
    public String message() {
        return "this machine's clock is " + DurationValue.format(behind) + " behind the store's (the store answered "
                + "at " + storeTime + " when this machine's clock read " + localTime + "): ages are measured by the "
                + "store's clock; set this machine's clock right (NTP)";
    }
}
