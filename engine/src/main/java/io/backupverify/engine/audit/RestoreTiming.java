package io.backupverify.engine.audit;

import io.backupverify.engine.check.Status;
import java.time.Instant;

/**
 * One restore test of one set.
 *
 * @param seconds    how long the restore took
 * @param rtoSeconds the RTO it is held to, or -1 when none is known
 */
public record RestoreTiming(Instant at, double seconds, double rtoSeconds, Status status) {
    public boolean overRto() {
        return rtoSeconds >= 0 && seconds > rtoSeconds;
    }
}
