package io.backupverify.engine.restore;

import java.util.Optional;

/**
 * A {@link RestorePreparation} on its way from the run to the restore kind: the kind claims it, or the test closes the
 * handoff and discards it. Once closed, no claim succeeds, so exactly one of the two undoes it.
 */
final class PreparationHandoff {
    private final RestorePreparation preparation;
    private boolean claimed;
    private boolean closed;

    PreparationHandoff(RestorePreparation preparation) {
        this.preparation = preparation;
    }

    static PreparationHandoff none() {
        return new PreparationHandoff(null);
    }

    synchronized <P extends RestorePreparation> Optional<P> get(Class<P> type) {
        return !closed && type.isInstance(preparation) ? Optional.of(type.cast(preparation)) : Optional.empty();
    }

    /** Takes it over; false when there is none or the test has closed the handoff (it was stopped). */
    synchronized boolean claim() {
        if (closed || preparation == null) {
            return false;
        }
        claimed = true;
        return true;
    }

    /** How long the claimed preparation had been under way by {@code nanos}; 0 when none was claimed. */
    synchronized long claimedNanosUnderWayBy(long nanos) {
        return claimed ? preparation.nanosUnderWayBy(nanos) : 0;
    }

    /** Closes the handoff; returns the preparation to discard when nobody claimed it. */
    synchronized Optional<RestorePreparation> close() {
        if (closed) {
            return Optional.empty();
        }
        closed = true;
        return claimed ? Optional.empty() : Optional.ofNullable(preparation);
    }
}
