package io.backupverify.engine.check;

import io.backupverify.engine.backup.BackupTimeline;
import io.backupverify.engine.plan.DurationValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * This machine's clock, found behind a time known to have passed by more than clocks may disagree: a store that
 * answered with a later time (its {@code Date} header) than this machine's clock read after the answer, a run
 * recorded in the history as started later than now, or the Jenkins controller's clock when it started the step. A
 * clock that runs slow makes a stale backup look young, so the run measures ages from that later time instead.
 * Network delays only make this machine's clock look ahead of a witness, never behind, so a right clock is not taken
 * for a slow one.
 *
 * @param behind      how far this machine's clock is behind
 * @param witness     what gave the later time ("the store's clock", "the start of the latest run recorded in the
 *                    history")
 * @param witnessTime the later time
 * @param localTime   this machine's time when it was compared
 */
public record ClockBehind(Duration behind, String witness, Instant witnessTime, Instant localTime) {
    /**
     * A time known to have passed, from outside this machine's clock.
     *
     * @param what what gave it, as the message names it ("the start of the latest run recorded in the history")
     * @param time the time
     */
    public record Witness(String what, Instant time) {
    }

    /** The witness's time against this machine's: a clock behind by more than the tolerance, or empty. */
    public static Optional<ClockBehind> of(String witness, Optional<Instant> witnessTime, Instant localTime) {
        if (witnessTime.isEmpty()) {
            return Optional.empty();
        }
        Duration behind = Duration.between(localTime, witnessTime.get());
        if (behind.compareTo(BackupTimeline.CLOCK_TOLERANCE) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ClockBehind(behind, witness, witnessTime.get(), localTime));
    }

    /** Of two findings, the one by which the clock is furthest behind. */
    public static Optional<ClockBehind> furthest(Optional<ClockBehind> one, Optional<ClockBehind> other) {
        if (one.isEmpty()) {
            return other;
        }
        return other.isPresent() && other.get().behind().compareTo(one.get().behind()) > 0 ? other : one;
    }

    /** What a check that measures ages says about it. */
    public String message() {
        // to the nearest minute: the witnesses' times are whole seconds, which would make three days read 2d 23h
        Duration shown = behind.plusSeconds(30).truncatedTo(ChronoUnit.MINUTES);
        return "this machine's clock is " + DurationValue.format(shown) + " behind " + witness + " ("
                + witnessTime + " when this machine's clock read " + localTime.truncatedTo(ChronoUnit.SECONDS)
                + "): ages are measured from that later time; set this machine's clock right (NTP)";
    }
}
