package io.backupverify.engine.plan;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as written in a plan: {@code 30s}, {@code 90m}, {@code 26h}, {@code 7d}, {@code 2w}. */
public record DurationValue(Duration duration, String text) {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*([smhdw])");
    /** The longest duration a plan may give (about 2,700 years), so that times computed from it stay in range. */
    public static final Duration MAX = Duration.ofDays(1_000_000);

    public static DurationValue parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = FORMAT.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write a whole number and a unit: "
                    + "30s, 90m, 26h, 7d or 2w");
        }
        Duration duration;
        try {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(Math.multiplyExact(amount, 7));
            };
        } catch (ArithmeticException | NumberFormatException e) {
            duration = null;
        }
        if (duration == null || duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too large; a duration is at most "
                    + MAX.toDays() + "d");
        }
        return new DurationValue(duration, trimmed);
    }

    public static DurationValue of(Duration duration) {
        return new DurationValue(duration, format(duration));
    }

    /** A short human form of any duration: {@code 3d 4h}, {@code 26h}, {@code 90m}, {@code 12s}. */
    public static String format(Duration duration) {
        long seconds = Math.abs(duration.getSeconds());
        String sign = duration.isNegative() ? "-" : "";
        if (seconds < 120) {
            return sign + seconds + "s";
        }
        if (seconds < 2 * 3600) {
            return sign + seconds / 60 + "m";
        }
        if (seconds < 48 * 3600) {
            long hours = seconds / 3600;
            long minutes = seconds % 3600 / 60;
            return sign + hours + "h" + (minutes == 0 ? "" : " " + minutes + "m");
        }
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        return sign + days + "d" + (hours == 0 ? "" : " " + hours + "h");
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
