package io.backupverify.engine.run;

/** A target that cannot be opened, such as one whose credentials are missing. The message is safe to show. */
public final class TargetUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TargetUnavailableException(String message) {
        super(message);
    }
}
