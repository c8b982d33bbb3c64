package io.backupverify.engine.plan;

/**
 * When backups may run: start and end between {@code start} and {@code end} (plan time zone; the window crosses
 * midnight when end is before start), for at most {@code maxDuration}. The backups taken within {@code lookback}
 * of the run are evaluated (the newest one always). {@code marker} names the optional file that records a backup's
 * start and end.
 */
public record WindowSpec(TimeOfDay start, TimeOfDay end, DurationValue maxDuration, DurationValue lookback,
        String marker) {
    public static final String DEFAULT_MARKER = "backup-info.json";
    public static final DurationValue DEFAULT_LOOKBACK = DurationValue.parse("7d");

    public WindowSpec {
        lookback = lookback == null ? DEFAULT_LOOKBACK : lookback;
        marker = marker == null ? DEFAULT_MARKER : marker;
    }

    public boolean hasWindow() {
        return start != null && end != null;
    }
}
