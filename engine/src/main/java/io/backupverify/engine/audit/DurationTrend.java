package io.backupverify.engine.audit;

import java.util.List;

/**
 * How long one set's backups took over the period, one point per backup, and whether that is growing.
 *
 * @param fit           the least-squares line of seconds over days, or null with fewer than two points
 * @param growthPercent how much longer the fitted duration is at the last backup than at the first
 * @param slowing       whether the growth is large and clear enough to be a finding
 */
public record DurationTrend(String set, List<TimedValue> seconds, LinearFit fit, double growthPercent,
        boolean slowing) {
    public DurationTrend {
        seconds = List.copyOf(seconds);
    }
}
