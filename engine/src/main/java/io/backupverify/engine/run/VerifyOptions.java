package io.backupverify.engine.run;

import io.backupverify.engine.check.Progress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How to run a plan.
 *
 * @param runNumber the run number that picks the integrity sample; by default the day number (days since 1970)
 * @param threads   how many files integrity reads at once
 * @param sets      the names of the sets to verify; empty for all
 * @param keepsCoverage whether checks keep which files they verified, for a coverage ledger (the default; a few
 *                  bytes a file)
 */
public record VerifyOptions(long runNumber, int threads, List<String> sets, Clock clock, Progress progress,
        boolean keepsCoverage) {
    public VerifyOptions {
        sets = List.copyOf(sets);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    public static VerifyOptions defaults() {
        Clock clock = Clock.systemUTC();
        return new VerifyOptions(dayNumber(clock), defaultThreads(), List.of(), clock, Progress.NONE, true);
    }

    public static long dayNumber(Clock clock) {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).toEpochDay();
    }

    /** One reader per processor (at least two, at most 16): hashing local files is CPU-bound. */
    public static int defaultThreads() {
        return Math.max(2, Math.min(16, Runtime.getRuntime().availableProcessors()));
    }

    public VerifyOptions withRunNumber(long number) {
        return new VerifyOptions(number, threads, sets, clock, progress, keepsCoverage);
    }

    public VerifyOptions withThreads(int count) {
        return new VerifyOptions(runNumber, count, sets, clock, progress, keepsCoverage);
    }

    public VerifyOptions withSets(List<String> names) {
        return new VerifyOptions(runNumber, threads, names, clock, progress, keepsCoverage);
    }

    public VerifyOptions withClock(Clock newClock) {
        return new VerifyOptions(runNumber, threads, sets, newClock, progress, keepsCoverage);
    }

    public VerifyOptions withProgress(Progress newProgress) {
        return new VerifyOptions(runNumber, threads, sets, clock, newProgress, keepsCoverage);
    }

    /** Whether checks keep which files they verified: a run that records no coverage ledger need not. */
    public VerifyOptions withCoverageKept(boolean keep) {
        return new VerifyOptions(runNumber, threads, sets, clock, progress, keep);
    }
}
