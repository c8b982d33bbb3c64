package io.backupverify.engine.audit;

import java.time.Instant;

/** One point of a trend: when, and the value then. */
public record TimedValue(Instant at, double value) {
}
