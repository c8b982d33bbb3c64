package io.backupverify.engine.plan;

/** The newest backup must be younger than {@code maxAge} (the recovery point objective). */
public record FreshnessSpec(DurationValue maxAge) {
}
