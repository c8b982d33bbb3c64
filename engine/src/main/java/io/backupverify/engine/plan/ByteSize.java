package io.backupverify.engine.plan;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size as written in a plan: {@code 500MB}, {@code 2TiB}, {@code 1.5GiB}, {@code 1024} (bytes).
 * Binary units (KiB, MiB, GiB, TiB, PiB) count in 1024s, decimal ones (kB, MB, GB, TB, PB) in 1000s.
 */
public record ByteSize(long bytes) {
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]i?b|b)?");

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative");
        }
    }

    public static ByteSize parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = FORMAT.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write a number and a unit such as "
                    + "500MB, 2TiB or 1.5GiB");
        }
        BigDecimal amount = new BigDecimal(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2);
        long multiplier = multiplier(unit);
        try {
            return new ByteSize(amount.multiply(BigDecimal.valueOf(multiplier))
                    .setScale(0, java.math.RoundingMode.CEILING).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large; a size is at most "
                    + format(Long.MAX_VALUE));
        }
    }

    /** A plain number in a plan, such as {@code quota: 1024}, counts bytes. */
    public static ByteSize ofBytes(long bytes) {
        return new ByteSize(bytes);
    }

    private static long multiplier(String unit) {
        boolean binary = unit.length() == 3;
        long base = binary ? 1024 : 1000;
        int power = "bkmgtp".indexOf(unit.charAt(0));
        long result = 1;
        for (int i = 0; i < power; i++) {
            result *= base;
        }
        return result;
    }

    /** A short human form: {@code 1.5 GiB}, {@code 12 KiB}, {@code 17 B}. */
    public static String format(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = Math.abs((double) bytes);
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String sign = bytes < 0 ? "-" : "";
        if (unit == 0) {
            return sign + (long) value + " B";
        }
        // Locale.US writes the same digits as Locale.ROOT, and only for it does Formatter not load the JDK's locale
        // data to find the decimal point: about 0.02 CPU s of a short command's start-up.
        return sign + String.format(Locale.US, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }

    @Override
    public String toString() {
        return format(bytes);
    }
}
