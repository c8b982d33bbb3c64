package io.backupverify.engine.check.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DailyWindowTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private static DailyWindow window(String start, String end, ZoneId zone) {
        return new DailyWindow(LocalTime.parse(start), LocalTime.parse(end), zone);
    }

    @Test
    void holdsRunsInsideAndIncludesItsBounds() {
        DailyWindow window = window("01:00", "05:00", UTC);
        assertThat(window.crossesMidnight()).isFalse();
        assertThat(window.holds(at("2026-11-26T01:00", UTC), at("2026-11-26T05:00", UTC))).isTrue();
        assertThat(window.holds(at("2026-11-26T02:10", UTC), at("2026-11-26T03:00", UTC))).isTrue();
        assertThat(window.holds(at("2026-11-26T00:59:59", UTC), at("2026-11-26T03:00", UTC))).isFalse();
        assertThat(window.holds(at("2026-11-26T04:00", UTC), at("2026-11-26T05:00:01", UTC))).isFalse();
    }

    @Test
    void aWindowCrossingMidnightHoldsRunsOnBothSides() {
        DailyWindow window = window("22:00", "04:00", UTC);
        assertThat(window.crossesMidnight()).isTrue();
        assertThat(window.holds(at("2026-11-25T23:00", UTC), at("2026-11-26T01:30", UTC))).isTrue();
        assertThat(window.holds(at("2026-11-26T00:15", UTC), at("2026-11-26T03:59", UTC))).isTrue();
        assertThat(window.holds(at("2026-11-25T22:00", UTC), at("2026-11-26T04:00", UTC))).isTrue();
        assertThat(window.holds(at("2026-11-25T21:59", UTC), at("2026-11-25T23:00", UTC))).isFalse();
        assertThat(window.holds(at("2026-11-26T03:00", UTC), at("2026-11-26T04:30", UTC))).isFalse();
        assertThat(window.holds(at("2026-11-26T12:00", UTC), at("2026-11-26T13:00", UTC))).isFalse();
    }

    @Test
    void aRunSpanningTwoOpeningsIsNotHeld() {
        DailyWindow window = window("01:00", "05:00", UTC);
        assertThat(window.holds(at("2026-11-25T04:00", UTC), at("2026-11-26T02:00", UTC))).isFalse();
        DailyWindow overnight = window("22:00", "04:00", UTC);
        assertThat(overnight.holds(at("2026-11-25T23:00", UTC), at("2026-11-26T23:00", UTC))).isFalse();
    }

    @Test
    void theOpeningTimesFollowTheZoneOnTheSpringClockChange() {
        // 2026-03-29 in Berlin: 02:00 becomes 03:00, so 01:00 to 05:00 lasts three hours.
        DailyWindow.Occurrence occurrence = window("01:00", "05:00", BERLIN).openingOn(LocalDate.of(2026, 3, 29));
        assertThat(Duration.between(occurrence.open(), occurrence.close())).isEqualTo(Duration.ofHours(3));
        assertThat(occurrence.open()).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
        assertThat(occurrence.close()).isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));
        // A window opening at a skipped local time opens after the gap.
        DailyWindow skipped = window("02:30", "04:00", BERLIN);
        assertThat(skipped.openingOn(LocalDate.of(2026, 3, 29)).open())
                .isEqualTo(at("2026-03-29T03:30", BERLIN));
    }

    @Test
    void theOpeningTimesFollowTheZoneOnTheAutumnClockChange() {
        // 2026-10-25 in Berlin: 03:00 becomes 02:00, so 01:00 to 05:00 lasts five hours.
        DailyWindow window = window("01:00", "05:00", BERLIN);
        DailyWindow.Occurrence occurrence = window.openingOn(LocalDate.of(2026, 10, 25));
        assertThat(Duration.between(occurrence.open(), occurrence.close())).isEqualTo(Duration.ofHours(5));
        assertThat(window.holds(Instant.parse("2026-10-24T23:30:00Z"), Instant.parse("2026-10-25T03:59:00Z")))
                .isTrue();
    }

    @Test
    void aWindowCrossingMidnightOnAClockChangeNight() {
        DailyWindow window = window("23:00", "03:00", BERLIN);
        // Opens 2026-03-28 23:00 CET (22:00Z), closes 2026-03-29 03:00 CEST (01:00Z): three hours.
        DailyWindow.Occurrence occurrence = window.openingOn(LocalDate.of(2026, 3, 28));
        assertThat(occurrence.open()).isEqualTo(Instant.parse("2026-03-28T22:00:00Z"));
        assertThat(occurrence.close()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(window.containing(Instant.parse("2026-03-29T00:59:00Z"))).contains(occurrence);
    }
}
