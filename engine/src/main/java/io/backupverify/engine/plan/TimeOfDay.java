package io.backupverify.engine.plan;

import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A time of day as written in a plan: {@code 01:00}, {@code 23:30}, read in the plan's time zone. */
public record TimeOfDay(LocalTime time) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,2}):(\\d{2})");

    public static TimeOfDay parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher matcher = FORMAT.matcher(trimmed);
        if (matcher.matches()) {
            int hour = Integer.parseInt(matcher.group(1));
            int minute = Integer.parseInt(matcher.group(2));
            if (hour < 24 && minute < 60) {
                return new TimeOfDay(LocalTime.of(hour, minute));
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a time of day; write HH:mm from 00:00 to 23:59, "
                + "such as 01:00");
    }

    @Override
    public String toString() {
        return time.toString();
    }
}
