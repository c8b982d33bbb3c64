package io.backupverify.engine.target;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * A store that can keep objects from being changed or deleted until a date (S3 Object Lock, Azure immutability
 * policies) and can say so.
 */
public interface ObjectLocks {
    /** How the store locks new objects by default: the mode and period, or empty when it does not. */
    Optional<String> defaultLock() throws IOException;

    /** Until when this object cannot be changed or deleted, or empty when it is not locked. */
    Optional<Instant> lockedUntil(String path) throws IOException;
}
