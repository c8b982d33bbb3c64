package io.backupverify.cli;

/** A mistake in the command line or the plan: reported in one line, exit code 64, no stack trace. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
