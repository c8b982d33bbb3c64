package io.backupverify.engine.check.window;

import java.time.Duration;
import java.time.Instant;

/**
 * When a backup ran, as far as the target tells.
 *
 * @param source where the times came from: {@code marker}, {@code file times}, {@code name and file time}
 */
public record BackupSpan(Instant start, Instant end, String source) {
    public Duration duration() {
        return Duration.between(start, end);
    }
}
