package io.backupverify.engine.target;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store that can keep objects from being changed or deleted until a date (S3 Object Lock, Azure immutability
 * policies) or until a legal hold is cleared, and can say so.
 */
public interface ObjectLocks {
    /** How the store locks new objects by default: the mode and period, or empty when it does not. */
    Optional<Lock> defaultLock() throws IOException;

    /**
     * Every lock that keeps this object from being changed or deleted (a retention and a legal hold may both hold
     * it), or none when it is not locked.
     */
    List<ObjectLock> locksOf(String path) throws IOException;

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
     * One lock on one object.
     *
     * @param until    until when the object cannot be changed or deleted; {@link Instant#MAX} for a lock without end
     *                 (a legal hold); null when the store cannot tell (then {@code mode} says why)
     * @param mode     the mode as the store names it: {@code COMPLIANCE} or {@code GOVERNANCE} on S3, {@code locked}
     *                 or {@code unlocked} on Azure, {@code legal hold}
     * @param liftable whether someone with the right permission can shorten or remove the lock before it ends: S3's
     *                 GOVERNANCE mode (with {@code s3:BypassGovernanceRetention}), an Azure policy not locked, and
     *                 every legal hold (cleared by whoever may set one)
     */
    record ObjectLock(Instant until, String mode, boolean liftable) {
        /** A legal hold: no end date, but whoever may set one may clear it at any time. */
        public static ObjectLock legalHold(String mode) {
            return new ObjectLock(Instant.MAX, mode, true);
        }

        /** A lock the store says holds the object but whose end and mode it does not tell; {@code why} says so. */
        public static ObjectLock unreadable(String why) {
            return new ObjectLock(null, why, false);
        }

        public boolean isLegalHold() {
            return mode.startsWith("legal hold");
        }

        public boolean isReadable() {
            return until != null;
        }

        /** Whether it keeps the object until at least {@code needed}. */
        public boolean lasts(Instant needed) {
            return until != null && !until.isBefore(needed);
        }
    }
}
