package io.backupverify.engine.summary;

import java.util.Objects;

/**
 * How full one target was in one run, as the capacity check measured it.
 *
 * @param target      the target's description (never contains a secret)
 * @param usedBytes   bytes in use
 * @param totalBytes  the quota or file system size; 0 when unknown
 * @param usedPercent share of the total in use, 0–100; 0 when the total is unknown
 */
public record CapacityFigure(String target, long usedBytes, long totalBytes, double usedPercent) {
    public CapacityFigure {
        Objects.requireNonNull(target, "target");
    }
}
