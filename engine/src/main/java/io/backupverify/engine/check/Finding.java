package io.backupverify.engine.check;

import java.util.Objects;

/**
 * One thing a check found: the item it concerns (a file, a backup, a period), what is wrong, how bad it is, and,
 * for a FAIL or an ERROR, one short line saying what to do about it. A finding of severity PASS is a note: worth
 * knowing, never changing a verdict.
 *
 * @param advice what to do, or null when none was given (the verifier gives every FAIL and ERROR one)
 */
public record Finding(String item, String message, Status severity, String advice) {
    public Finding {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    public Finding(String item, String message, Status severity) {
        this(item, message, severity, null);
    }

    /** This finding with the given advice. */
    public Finding withAdvice(String text) {
        return new Finding(item, message, severity, text);
    }

    /** How reports name its severity: a finding of severity PASS is a {@code NOTE}. */
    public String label() {
        return severity == Status.PASS ? "NOTE" : severity.name();
    }

    /** Whether it makes a check fail or err, and so needs advice. */
    public boolean isProblem() {
        return severity == Status.FAIL || severity == Status.ERROR;
    }

    public static Finding warn(String item, String message) {
        return new Finding(item, message, Status.WARN);
    }

    public static Finding fail(String item, String message) {
        return new Finding(item, message, Status.FAIL);
    }

    public static Finding error(String item, String message) {
        return new Finding(item, message, Status.ERROR);
    }
}
