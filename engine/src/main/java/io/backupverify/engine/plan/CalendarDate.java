package io.backupverify.engine.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A calendar date as written in a plan: {@code 2026-07-14}, read in the plan's time zone. */
public record CalendarDate(LocalDate date) {
    public static CalendarDate parse(String text) {
        try {
            return new CalendarDate(LocalDate.parse(text == null ? "" : text.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date; write yyyy-MM-dd, such as 2026-07-14");
        }
    }

    @Override
    public String toString() {
        return date.toString();
    }
}
