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
     * Longer lists and maps, and those holding further lists or maps, are only counted in reports for people; the
     * JSON report keeps them whole.
     */
    static final int MAX_LISTED_VALUES = 10;
    /** Estimates of days beyond this are not worth a number. */
    static final double MAX_DAYS = 36_500;

    /** The unit a metric's name ends with, and the words left for its label. */
    private enum Unit {
        BYTES_PER_SECOND("BytesPerSecond"), BYTES_PER_DAY("BytesPerDay"), SECONDS("Seconds"), MILLIS("Ms"),
        BYTES("Bytes"), PERCENT("Percent"), DAYS(null), TIME("Time"), NONE(null);

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        static Unit of(String name) {
            if (name.equals("bytes")) {
                return BYTES;
            }
            if (name.startsWith("days") && name.length() > 4 && Character.isUpperCase(name.charAt(4))
                    || name.endsWith("Days")) {
                return DAYS;
            }
            for (Unit unit : values()) {
                if (unit.suffix != null && name.endsWith(unit.suffix) && name.length() > unit.suffix.length()) {
                    return unit;
                }
            }
            return NONE;
        }
    }

    /** A metric's name in words: {@code growthBytesPerDay} is "growth", {@code maxAgeSeconds} "max age". */
    static String metricLabel(String name) {
        Unit unit = Unit.of(name);
        String stem = unit.suffix != null && unit != Unit.TIME && name.endsWith(unit.suffix)
                ? name.substring(0, name.length() - unit.suffix.length()) : name;
        if (unit == Unit.DAYS) {
            // The value says "days": daysUntilFull is "until full", growthSpanDays "growth span".
            stem = stem.startsWith("days") ? stem.substring(4) : stem.substring(0, stem.length() - 4);
            stem = stem.isEmpty() ? "days" : Character.toLowerCase(stem.charAt(0)) + stem.substring(1);
        }
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < stem.length(); i++) {
            char c = stem.charAt(i);
            boolean wordStart = Character.isUpperCase(c) && i > 0
                    && (!Character.isUpperCase(stem.charAt(i - 1))
                            || i + 1 < stem.length() && Character.isLowerCase(stem.charAt(i + 1)));
            if (wordStart) {
                words.append(' ');
            }
            boolean acronym = Character.isUpperCase(c) && (i + 1 < stem.length() && Character.isUpperCase(
                    stem.charAt(i + 1)) || i > 0 && Character.isUpperCase(stem.charAt(i - 1)));
            words.append(acronym ? c : Character.toLowerCase(c));
        }
        return words.toString();
    }

    /**
     * A metric value for people, in the unit its name gives: sizes ({@code ...Bytes}), rates ({@code
     * ...BytesPerSecond}, {@code ...BytesPerDay}), durations ({@code ...Seconds}, {@code ...Ms}), percentages,
     * days (beyond 100 years "not within 100 years"), times; else the value as it is. A negative size, rate or
     * estimate is the checks' mark for "none".
     */
    static String metric(String name, Object value) {
        Unit unit = Unit.of(name);
        if (value instanceof Number number && !(value instanceof Double && unit == Unit.NONE)) {
            double amount = number.doubleValue();
            long whole = number.longValue();
            switch (unit) {
                case BYTES_PER_SECOND:
                    return amount < 0 ? "no estimate" : ByteSize.format(whole) + "/s";
                case BYTES_PER_DAY:
                    return amount < 0 ? "no estimate" : ByteSize.format(whole) + "/day";
                case BYTES:
                    return bytes(whole);
                case SECONDS:
                    return whole < 0 ? "none" : DurationValue.format(Duration.ofSeconds(whole));
                case MILLIS:
                    return millis(whole);
                case PERCENT:
                    return new java.text.DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(
                            Locale.ROOT)).format(amount) + "%";
                case DAYS:
                    return days(amount);
                default:
                    return value instanceof Double ? String.valueOf(value) : count(whole);
            }
        }
        if (value instanceof String text && looksLikeTime(text)) {
            try {
                return time(Instant.parse(text));
            } catch (java.time.format.DateTimeParseException e) {
                return text;
            }
        }
        return unformatted(value);
    }

    /** An ISO-8601 instant such as 2026-11-29T01:30:00Z, which reports show as a time. */
    private static boolean looksLikeTime(String text) {
        return text.length() >= 20 && text.length() <= 35 && text.charAt(4) == '-' && text.charAt(10) == 'T'
                && text.endsWith("Z");
    }

    /** {@code 12.5 days}, {@code not within 100 years}; negative: no estimate. */
    static String days(double days) {
        if (days < 0) {
            return "no estimate";
        }
        if (days > MAX_DAYS) {
            return "not within 100 years";
        }
        return String.format(Locale.ROOT, "%.1f %s", days, days == 1 ? "day" : "days");
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
