package io.backupverify.engine.plan;

/**
 * A command run after the restore: {@code run} goes to {@code /bin/sh -c} in the restored folder, with the
 * restored location in its environment; it must exit 0 within {@code timeout} (default 10m).
 */
public record CommandValidationSpec(String run, DurationValue timeout) {
    public static final DurationValue DEFAULT_TIMEOUT = DurationValue.parse("10m");

    public CommandValidationSpec {
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }
}
