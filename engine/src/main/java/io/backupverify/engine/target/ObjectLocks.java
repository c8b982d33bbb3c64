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
    Optional<Lock> defaultLock() throws IOException;

    /** The lock that keeps this object from being changed or deleted, or empty when it is not locked. */
    Optional<ObjectLock> lockOf(String path) throws IOException;

    /**
     * A store's default lock for new objects.
     *
     * @param description the mode and period as the store gives them, such as {@code GOVERNANCE for 30 days}
     * @param liftable    whether someone with the right permission can shorten or remove it (see
     *                    {@link ObjectLock#liftable()})
     */
    record Lock(String description, boolean liftable) {
    }

    /**
     * The lock on one object.
     *
     * @param until    until when the object cannot be changed or deleted; {@link Instant#MAX} for a lock without end
     *                 (a legal hold)
     * @param mode     the mode as the store names it: {@code COMPLIANCE} or {@code GOVERNANCE} on S3, {@code locked}
     *                 or {@code unlocked} on Azure, {@code legal hold}
     * @param liftable whether someone with the right permission can shorten or remove the lock before it ends: S3's
     *                 GOVERNANCE mode (with {@code s3:BypassGovernanceRetention}), an Azure policy not locked
     */
    record ObjectLock(Instant until, String mode, boolean liftable) {
    }
}
