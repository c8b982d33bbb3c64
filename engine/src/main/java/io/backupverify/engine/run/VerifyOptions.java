package io.backupverify.engine.run;

import io.backupverify.engine.check.ClockBehind;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.check.RecheckSlices;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * How to run a plan.
 *
 * @param runNumber the run number that picks the integrity sample; by default the day number (days since 1970)
 * @param threads   how many files integrity reads at once
 * @param sets      the names of the sets to verify; empty for all
 * @param keepsCoverage whether checks keep which files they verified, for a coverage ledger (the default; a few
 *                  bytes a file)
 * @param checksClock whether this machine's clock is compared with a store's (its answers' Date header) and a slow
 *                  one corrected (the default); a clock a caller sets ({@link #withClock}) is taken as it is
 * @param laterThan a time known to have passed (the start of the latest run recorded in the history, the Jenkins
 *                  controller's clock), or null: this machine's clock reading earlier is behind
 * @param rechecks  per set, the integrity sample slices its previous run asked to read again (see
 *                  {@link RecheckSlices}); empty when nothing of the previous run is known
 */
public record VerifyOptions(long runNumber, int threads, List<String> sets, Clock clock, Progress progress,
        boolean keepsCoverage, boolean checksClock, ClockBehind.Witness laterThan,
        Map<String, RecheckSlices> rechecks) {
    public VerifyOptions {
        sets = List.copyOf(sets);
        rechecks = Map.copyOf(rechecks);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    public static VerifyOptions defaults() {
        Clock clock = Clock.systemUTC();
        return new VerifyOptions(dayNumber(clock), defaultThreads(), List.of(), clock, Progress.NONE, true, true, null,
                Map.of());
    }

    public static long dayNumber(Clock clock) {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).toEpochDay();
    }

    /** One reader per processor (at least two, at most 16): hashing local files is CPU-bound. */
    public static int defaultThreads() {
        return Math.max(2, Math.min(16, Runtime.getRuntime().availableProcessors()));
    }

    public VerifyOptions withRunNumber(long number) {
        return new VerifyOptions(number, threads, sets, clock, progress, keepsCoverage, checksClock, laterThan,
                rechecks);
    }

    public VerifyOptions withThreads(int count) {
        return new VerifyOptions(runNumber, count, sets, clock, progress, keepsCoverage, checksClock,
                laterThan, rechecks);
    }

    public VerifyOptions withSets(List<String> names) {
        return new VerifyOptions(runNumber, threads, names, clock, progress, keepsCoverage, checksClock,
                laterThan, rechecks);
    }

    /** Runs at the time the clock gives, taken as it is (not compared with a store's or any other). */
    public VerifyOptions withClock(Clock newClock) {
        return new VerifyOptions(runNumber, threads, sets, newClock, progress, keepsCoverage, false, laterThan,
                rechecks);
    }

    /** Compares the clock with a store's and a time known to have passed, and corrects it when it is behind. */
    public VerifyOptions withClockChecked() {
        return new VerifyOptions(runNumber, threads, sets, clock, progress, keepsCoverage, true, laterThan, rechecks);
    }

    /** Notes a time known to have passed (null: none), which this machine's clock must not read earlier than. */
    public VerifyOptions withLaterThan(ClockBehind.Witness witness) {
        return new VerifyOptions(runNumber, threads, sets, clock, progress, keepsCoverage, checksClock,
                witness, rechecks);
    }

    public VerifyOptions withProgress(Progress newProgress) {
        return new VerifyOptions(runNumber, threads, sets, clock, newProgress, keepsCoverage, checksClock,
                laterThan, rechecks);
    }

    /** Per set, the integrity sample slices to read again besides this run's own (see {@link RecheckSlices}). */
    public VerifyOptions withRechecks(Map<String, RecheckSlices> slices) {
        return new VerifyOptions(runNumber, threads, sets, clock, progress, keepsCoverage, checksClock, laterThan,
                slices);
    }

    /** The slices a set's integrity check reads again; none usually. */
    public RecheckSlices recheck(String set) {
        return rechecks.getOrDefault(set, RecheckSlices.NONE);
    }

    /** Whether checks keep which files they verified: a run that records no coverage ledger need not. */
    public VerifyOptions withCoverageKept(boolean keep) {
        return new VerifyOptions(runNumber, threads, sets, clock, progress, keep, checksClock, laterThan, rechecks);
    }
}
