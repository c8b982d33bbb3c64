package io.backupverify.engine.check;

import java.util.Objects;

/**
 * One thing a check found: the item it concerns (a file, a backup, a period), what is wrong and how bad it is.
 */
public record Finding(String item, String message, Status severity) {
    public Finding {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
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
