package io.backupverify.engine.outcome;

import io.backupverify.engine.check.Status;
import java.util.Locale;
import java.util.Objects;

/**
 * Maps a verdict to a build outcome with two thresholds: a verdict at or above {@code failOn} fails the build, one at
 * or above {@code unstableOn} makes it unstable. {@code failOn} is WARN, FAIL or ERROR, so an ERROR (a check that
 * could not run) always fails the build; {@code unstableOn} is WARN or FAIL, so a FAIL (a backup found broken) makes
 * the build at least unstable. Neither can ever pass as a success.
 */
public final class OutcomePolicy {
    private static final OutcomePolicy DEFAULTS = new OutcomePolicy(Status.WARN, Status.FAIL);

    private final Status unstableOn;
    private final Status failOn;

    private OutcomePolicy(Status unstableOn, Status failOn) {
        this.unstableOn = unstableOn;
        this.failOn = failOn;
    }

    /** WARN makes the build unstable; FAIL and ERROR fail it. */
    public static OutcomePolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy with the given thresholds.
     *
     * @throws IllegalArgumentException when a threshold is PASS, unstableOn is ERROR or worse than failOn
     */
    public static OutcomePolicy of(Status unstableOn, Status failOn) {
        Objects.requireNonNull(unstableOn, "unstableOn");
        Objects.requireNonNull(failOn, "failOn");
        if (unstableOn == Status.PASS) {
            throw new IllegalArgumentException("unstableOn must be WARN or FAIL, not PASS");
        }
        if (failOn == Status.PASS) {
            throw new IllegalArgumentException("failOn must be WARN, FAIL or ERROR, not PASS");
        }
        if (unstableOn == Status.ERROR) {
            throw new IllegalArgumentException("unstableOn must be WARN or FAIL, not ERROR: a FAIL (a backup found "
                    + "broken) makes the build at least UNSTABLE, never a success");
        }
        if (unstableOn.isWorseThan(failOn)) {
            throw new IllegalArgumentException(
                    "unstableOn (" + unstableOn + ") must not be worse than failOn (" + failOn + ")");
        }
        return new OutcomePolicy(unstableOn, failOn);
    }

    /**
     * A policy from the text a user typed; blank means the default for that threshold.
     *
     * @throws IllegalArgumentException naming the parameter when a value is not a status name
     */
    public static OutcomePolicy parse(String unstableOn, String failOn) {
        return of(parseThreshold("unstableOn", unstableOn, DEFAULTS.unstableOn),
                parseThreshold("failOn", failOn, DEFAULTS.failOn));
    }

    private static Status parseThreshold(String parameter, String text, Status fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Status.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    parameter + " is '" + text.trim() + "'; use one of WARN, FAIL or ERROR", e);
        }
    }

    public Status unstableOn() {
        return unstableOn;
    }

    public Status failOn() {
        return failOn;
    }

    public BuildOutcome outcomeOf(Status verdict) {
        if (!failOn.isWorseThan(verdict)) {
            return BuildOutcome.FAILURE;
        }
        if (!unstableOn.isWorseThan(verdict)) {
            return BuildOutcome.UNSTABLE;
        }
        return BuildOutcome.SUCCESS;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutcomePolicy policy && policy.unstableOn == unstableOn && policy.failOn == failOn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(unstableOn, failOn);
    }

    @Override
    public String toString() {
        return "unstableOn " + unstableOn + ", failOn " + failOn;
    }
}
