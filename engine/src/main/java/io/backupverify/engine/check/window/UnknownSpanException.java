package io.backupverify.engine.check.window;

/** A backup whose start or end cannot be told. The message says why, in words fit for a report. */
public final class UnknownSpanException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnknownSpanException(String message) {
        super(message);
    }
}
