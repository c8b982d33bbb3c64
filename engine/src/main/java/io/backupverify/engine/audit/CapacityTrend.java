package io.backupverify.engine.audit;

import java.time.Instant;
import java.util.List;

/**
 * One target's used space over the period and where it is heading.
 *
 * @param usedBytes     bytes in use, per run
 * @param totalBytes    the latest size of the target (quota or file system); 0 when unknown
 * @param latestPercent the latest share in use, or -1 when the size is unknown
 * @param fit           least squares of used bytes over days since the period start, or null
 * @param warnAt        the share the audit warns at, 0–100
 * @param warnDate      when the fitted line reaches warnAt, or null (see {@code forecast})
 * @param fullDate      when it reaches 100%, or null
 * @param forecast      the forecast in words, including why there is no date when there is none
 */
public record CapacityTrend(String target, List<TimedValue> usedBytes, long totalBytes, double latestPercent,
        LinearFit fit, double warnAt, Instant warnDate, Instant fullDate, String forecast) {
    public CapacityTrend {
        usedBytes = List.copyOf(usedBytes);
    }
}
