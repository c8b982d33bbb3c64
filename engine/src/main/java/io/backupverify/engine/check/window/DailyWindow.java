package io.backupverify.engine.check.window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A window that opens every day at {@code start} and closes at {@code end}, local time in a zone; when end is
 * before start it closes the next day. Both bounds belong to the window. On days when the clocks change, the
 * window opens and closes at the local times as the zone's rules place them (a local time the clocks skip is read
 * as the time after the gap), so its real length can differ by the change.
 */
public final class DailyWindow {
    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;

    public DailyWindow(LocalTime start, LocalTime end, ZoneId zone) {
        if (start.equals(end)) {
            throw new IllegalArgumentException("a window needs different start and end times");
        }
        this.start = start;
        this.end = end;
        this.zone = zone;
    }

    public boolean crossesMidnight() {
        return end.isBefore(start);
    }

    /** The window that opens on a date. */
    public Occurrence openingOn(LocalDate date) {
        Instant open = ZonedDateTime.of(date, start, zone).toInstant();
        Instant close = ZonedDateTime.of(crossesMidnight() ? date.plusDays(1) : date, end, zone).toInstant();
        return new Occurrence(open, close);
    }

    /** The window that is open at an instant, if one is. */
    public Optional<Occurrence> containing(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        for (LocalDate opening : new LocalDate[] {date.minusDays(1), date}) {
            Occurrence occurrence = openingOn(opening);
            if (occurrence.contains(instant)) {
                return Optional.of(occurrence);
            }
        }
        return Optional.empty();
    }

    /** Whether a run from start to end lies within one opening of the window. */
    public boolean holds(Instant runStart, Instant runEnd) {
        return containing(runStart).map(occurrence -> !runEnd.isAfter(occurrence.close())).orElse(false);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }

    /** One opening of the window, from open to close inclusive. */
    public record Occurrence(Instant open, Instant close) {
        public boolean contains(Instant instant) {
            return !instant.isBefore(open) && !instant.isAfter(close);
        }
    }
}
