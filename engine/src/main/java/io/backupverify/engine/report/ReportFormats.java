package io.backupverify.engine.report;

import io.backupverify.engine.plan.ByteSize;
import io.backupverify.engine.plan.DurationValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How reports written for people show numbers, sizes, times and durations. */
final class ReportFormats {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReportFormats() {
    }

    /** {@code 1.5 GiB}; a negative count means the size could not be read. */
    static String bytes(long bytes) {
        return bytes < 0 ? "unknown" : ByteSize.format(bytes);
    }

    /** {@code 1,234}; a negative count means it could not be counted. */
    static String count(long count) {
        return count < 0 ? "unknown" : String.format(Locale.ROOT, "%,d", count);
    }

    /** {@code 850 ms} below a second, else the plan's short form ({@code 12s}, {@code 3m}, {@code 2h 5m}). */
    static String millis(long millis) {
        if (millis >= 0 && millis < 1000) {
            return millis + " ms";
        }
        return DurationValue.format(Duration.ofMillis(millis));
    }

    /** {@code 2026-11-26 07:09:21 UTC}, or "unknown" for null. */
    static String time(Instant instant) {
        return instant == null ? "unknown" : TIME.format(instant);
    }

    /** Seconds with millisecond precision, dot as decimal mark, no grouping: what JUnit readers parse. */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, Math.abs(millis % 1000));
    }

    /**
     * A metric value for people: sizes for metrics named {@code ...Bytes}, durations for {@code ...Ms}, else the
     * value as it is.
     */
    /**
     * Longer lists and maps, and those holding further lists or maps, are only counted in reports for people; the
     * JSON report keeps them whole.
     */
    static final int MAX_LISTED_VALUES = 10;

    static String metric(String name, Object value) {
        if (value instanceof Long || value instanceof Integer) {
            long number = ((Number) value).longValue();
            if (name.endsWith("Bytes") || name.equals("bytes")) {
                return bytes(number);
            }
            if (name.endsWith("Ms")) {
                return millis(number);
            }
            return count(number);
        }
        return unformatted(value);
    }

    /** A metric value as it is, but for long or nested lists and maps, which are only counted. */
    static String unformatted(Object value) {
        if (value instanceof java.util.Collection<?> list && !isShortAndFlat(list)) {
            return entries(list.size());
        }
        if (value instanceof java.util.Map<?, ?> map && !isShortAndFlat(map.values())) {
            return entries(map.size());
        }
        return String.valueOf(value);
    }

    private static boolean isShortAndFlat(java.util.Collection<?> values) {
        return values.size() <= MAX_LISTED_VALUES && values.stream()
                .noneMatch(value -> value instanceof java.util.Collection<?> || value instanceof java.util.Map<?, ?>);
    }

    private static String entries(int count) {
        return count + (count == 1 ? " entry" : " entries") + " (listed in the JSON report)";
    }
}
