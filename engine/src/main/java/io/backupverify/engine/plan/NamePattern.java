package io.backupverify.engine.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A backup name pattern such as {@code orders-{yyyy-MM-dd'T'HHmm}.tar.gz}: literal text, {@code *} and {@code ?}
 * wildcards, and at most one {@code {...}} java.time date pattern that gives the backup's time.
 */
public final class NamePattern {
    /** The time a date part is tried with when the pattern is compiled. */
    private static final ZonedDateTime SAMPLE_TIME = ZonedDateTime.of(2026, 11, 26, 13, 4, 5, 0, ZoneOffset.UTC);

    /** The longest pattern: longer than any file name or object key a backup could have. */
    public static final int MAX_LENGTH = 1024;

    private final String text;
    private final Pattern regex;
    private final DateTimeFormatter formatter;

    private NamePattern(String text, Pattern regex, DateTimeFormatter formatter) {
        this.text = text;
        this.regex = regex;
        this.formatter = formatter;
    }

    public static NamePattern compile(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the pattern is " + text.length() + " characters long; backup names "
                    + "are at most " + MAX_LENGTH + " characters, so no name could match it");
        }
        StringBuilder regex = new StringBuilder();
        DateTimeFormatter formatter = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("'" + text + "' has a '{' without a closing '}'");
                }
                if (formatter != null) {
                    throw new IllegalArgumentException("'" + text + "' has more than one {date} part");
                }
                String datePattern = text.substring(i + 1, end);
                formatter = formatter(datePattern, text);
                String dateRegex = dateRegex(datePattern);
                requireDate(formatter, Pattern.compile(dateRegex), datePattern, text);
                regex.append("(?<time>").append(dateRegex).append(')');
                i = end + 1;
                continue;
            }
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return new NamePattern(text, Pattern.compile(regex.toString()), formatter);
    }

    private static DateTimeFormatter formatter(String datePattern, String text) {
        try {
            return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(datePattern)
                    .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1).parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                    .toFormatter(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' has an invalid date pattern {" + datePattern + "}: "
                    + e.getMessage());
        }
    }

    /**
     * Refuses a date part that could never date a backup: one whose own output does not read back as a date (no
     * year, month and day, such as {@code {HHmm}}, or fields that contradict each other), so that a plan with it
     * is refused instead of finding no backup at all.
     */
    private static void requireDate(DateTimeFormatter formatter, Pattern dateRegex, String datePattern,
            String text) {
        String sample;
        try {
            sample = formatter.format(SAMPLE_TIME);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' has a date part {" + datePattern
                    + "} that cannot be written: " + e.getMessage());
        }
        if (!dateRegex.matcher(sample).matches() || parse(formatter, sample, ZoneOffset.UTC).isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has a date part {" + datePattern + "} that gives no "
                    + "date: a name written with it (" + sample + ") does not read back as a day; it needs at least "
                    + "a year (y), month (M) and day (d)");
        }
    }

    /** A regular expression for the text a date pattern produces: digits for numbers, letters for names. */
    private static String dateRegex(String datePattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < datePattern.length()) {
            char c = datePattern.charAt(i);
            if (c == '\'') {
                int end = datePattern.indexOf('\'', i + 1);
                end = end < 0 ? datePattern.length() : end;
                String literal = datePattern.substring(i + 1, end);
                regex.append(literal.isEmpty() ? Pattern.quote("'") : Pattern.quote(literal));
                i = end + 1;
                continue;
            }
            if (Character.isLetter(c)) {
                int run = i;
                while (run < datePattern.length() && datePattern.charAt(run) == c) {
                    run++;
                }
                regex.append(letterRegex(c, run - i));
                i = run;
                continue;
            }
            regex.append(Pattern.quote(String.valueOf(c)));
            i++;
        }
        return regex.toString();
    }

    private static String letterRegex(char letter, int count) {
        switch (letter) {
            case 'M', 'L', 'E', 'a', 'G':
                if (count >= 3 || letter == 'E' || letter == 'a' || letter == 'G') {
                    return "\\p{L}+\\.?";
                }
                return count == 1 ? "\\d{1,2}" : "\\d{" + count + "}";
            case 'X', 'x', 'Z', 'O', 'V', 'z':
                return "[A-Za-z0-9+\\-:_/]+?";
            default:
                if (letter == 'y' || letter == 'u') {
                    return count == 2 ? "\\d{2}" : "\\d{4,9}";
                }
                return count == 1 ? "\\d{1,9}" : "\\d{" + count + "}";
        }
    }

    /** Whether a name fits this pattern, including a date that parses. */
    public boolean matches(String name) {
        Matcher matcher = regex.matcher(name);
        if (!matcher.matches()) {
            return false;
        }
        return formatter == null || parse(matcher.group("time"), ZoneId.of("UTC")).isPresent();
    }

    public boolean hasDate() {
        return formatter != null;
    }

    /** The time a name encodes, in the given zone unless the name carries an offset; empty if it has none. */
    public Optional<Instant> timeOf(String name, ZoneId zone) {
        if (formatter == null) {
            return Optional.empty();
        }
        Matcher matcher = regex.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return parse(matcher.group("time"), zone);
    }

    /** Whether a name's date carries its own offset or zone, so that the plan's zone does not change its time. */
    public boolean carriesZone(String name) {
        Optional<Instant> west = timeOf(name, ZoneOffset.ofHours(-12));
        return west.isPresent() && west.equals(timeOf(name, ZoneOffset.ofHours(14)));
    }

    /** The text of a name that its date part matched ({@code 2026-11-29} of {@code nightly-2026-11-29}), if any. */
    public Optional<String> dateText(String name) {
        if (formatter == null) {
            return Optional.empty();
        }
        Matcher matcher = regex.matcher(name);
        return matcher.matches() ? Optional.of(matcher.group("time")) : Optional.empty();
    }

    private Optional<Instant> parse(String value, ZoneId zone) {
        return parse(formatter, value, zone);
    }

    private static Optional<Instant> parse(DateTimeFormatter formatter, String value, ZoneId zone) {
        try {
            TemporalAccessor parsed = formatter.parse(value);
            if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
                return Optional.of(Instant.from(parsed));
            }
            LocalDateTime local;
            if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
                local = LocalDateTime.from(parsed);
            } else {
                local = LocalDate.from(parsed).atStartOfDay();
            }
            ZoneId effective = parsed.query(java.time.temporal.TemporalQueries.zone());
            return Optional.of(ZonedDateTime.of(local, effective == null ? zone : effective).toInstant());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
