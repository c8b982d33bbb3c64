package io.backupverify.engine.check.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BackupInfoMarkerTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static BackupSpan read(String json) throws IOException, UnknownSpanException {
        return BackupInfoMarker.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "m.json",
                BERLIN);
    }

    @Test
    void readsTimesWithOffsets() throws Exception {
        BackupSpan span = read("{\"start\": \"2026-11-26T01:12:00+01:00\", \"end\": \"2026-11-26T02:40:30Z\", "
                + "\"tool\": \"pg_dump\"}");
        assertThat(span.start()).isEqualTo(Instant.parse("2026-11-26T00:12:00Z"));
        assertThat(span.end()).isEqualTo(Instant.parse("2026-11-26T02:40:30Z"));
        assertThat(span.duration()).isEqualTo(Duration.ofMinutes(148).plusSeconds(30));
        assertThat(span.source()).isEqualTo("marker");
    }

    @Test
    void readsLocalTimesInThePlansZone() throws Exception {
        BackupSpan span = read("{\"start\": \"2026-07-01T01:00:00\", \"end\": \"2026-07-01T01:30\"}");
        assertThat(span.start()).isEqualTo(Instant.parse("2026-06-30T23:00:00Z"));
        assertThat(span.end()).isEqualTo(Instant.parse("2026-06-30T23:30:00Z"));
    }

    @Test
    void rejectsMissingOrBadTimes() {
        assertThatThrownBy(() -> read("{\"start\": \"2026-07-01T01:00:00Z\"}"))
                .isInstanceOf(UnknownSpanException.class).hasMessageContaining("m.json has no 'end' date-time");
        assertThatThrownBy(() -> read("{\"start\": \"yesterday\", \"end\": \"2026-07-01T01:00:00Z\"}"))
                .hasMessageContaining("'start' value 'yesterday' is not an ISO-8601 date-time");
        assertThatThrownBy(() -> read("{\"start\": 1751331600, \"end\": \"2026-07-01T01:00:00Z\"}"))
                .hasMessageContaining("has no 'start' date-time");
    }

    @Test
    void rejectsAnEndBeforeTheStart() {
        assertThatThrownBy(() -> read("{\"start\": \"2026-07-01T02:00:00Z\", \"end\": \"2026-07-01T01:00:00Z\"}"))
                .isInstanceOf(UnknownSpanException.class).hasMessageContaining("is before start");
    }

    @Test
    void rejectsWhatIsNotAJsonObject() {
        assertThatThrownBy(() -> read("start=01:00")).hasMessageContaining("m.json is not valid JSON");
        assertThatThrownBy(() -> read("[1, 2]")).hasMessageContaining("must hold a JSON object");
        assertThatThrownBy(() -> read("")).hasMessageContaining("must hold a JSON object");
        assertThatThrownBy(() -> read(" ".repeat(BackupInfoMarker.MAX_BYTES + 1)))
                .hasMessageContaining("is larger than 64 KiB");
    }
}
