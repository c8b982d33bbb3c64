package io.backupverify.engine.check.window;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads a backup's marker file: a JSON object whose {@code start} and {@code end} are ISO-8601 date-times, with
 * an offset ({@code 2026-11-26T01:12:00+01:00}, {@code ...Z}) or without one (then in the plan's time zone).
 * Other keys are allowed and ignored, so backup tools may record more.
 */
public final class BackupInfoMarker {
    static final int MAX_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BackupInfoMarker() {
    }

    public static BackupSpan read(InputStream in, String name, ZoneId zone) throws IOException, UnknownSpanException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new UnknownSpanException(name + " is larger than " + MAX_BYTES / 1024 + " KiB; it is not a marker");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new UnknownSpanException(name + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UnknownSpanException(name + " must hold a JSON object with start and end");
        }
        Instant start = time(root, "start", name, zone);
        Instant end = time(root, "end", name, zone);
        if (end.isBefore(start)) {
            throw new UnknownSpanException(name + ": end " + end + " is before start " + start);
        }
        return new BackupSpan(start, end, "marker");
    }

    private static Instant time(JsonNode root, String key, String name, ZoneId zone) throws UnknownSpanException {
        JsonNode value = root.get(key);
        if (value == null || !value.isTextual()) {
            throw new UnknownSpanException(name + " has no '" + key + "' date-time, such as \"2026-11-26T01:12:00Z\"");
        }
        String text = value.asText().trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
                throw new UnknownSpanException(name + ": '" + key + "' value '" + shown
                        + "' is not an ISO-8601 date-time, such as 2026-11-26T01:12:00Z");
            }
        }
    }
}
