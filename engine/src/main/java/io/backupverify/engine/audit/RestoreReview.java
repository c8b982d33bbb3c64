package io.backupverify.engine.audit;

import java.util.List;

/**
 * The restore tests of one set.
 *
 * @param inCadence how many restore tests ran to a verdict (not ERROR) within the last {@code per} (the cadence
 *                  window)
 * @param required  how many the plan asks for in that window
 * @param timings   every restore test of the period, oldest first
 */
public record RestoreReview(String set, int inCadence, int required, List<RestoreTiming> timings) {
    public RestoreReview {
        timings = List.copyOf(timings);
    }
}
