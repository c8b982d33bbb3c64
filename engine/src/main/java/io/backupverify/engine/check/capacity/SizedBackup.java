package io.backupverify.engine.check.capacity;

import java.time.Instant;

/** A backup's time and the bytes it holds. */
public record SizedBackup(Instant time, long bytes) {
}
