package io.backupverify.engine.target;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The latest time a store's own clock gave in its answers (the HTTP {@code Date} header), so that a run can tell
 * whether this machine's clock is behind the store's: backups dated by the store's clock (an object's time) look
 * younger than they are to a machine whose clock runs slow. Answers come from several threads; a header equal to
 * the last one (the header counts whole seconds) is not parsed again.
 */
public final class StoreClock {
    private String lastHeader;
    private Instant latest;

    /** Takes the time from a {@code Date} header (RFC 1123); one that does not read as such is ignored. */
    public void seen(Optional<String> dateHeader) {
        if (dateHeader.isEmpty()) {
            return;
        }
        String header = dateHeader.get();
        synchronized (this) {
            if (header.equals(lastHeader)) {
                return;
            }
        }
        Instant time;
        try {
            time = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(header.strip()));
        } catch (DateTimeParseException e) {
            return;
        }
        synchronized (this) {
            lastHeader = header;
            if (latest == null || time.isAfter(latest)) {
                latest = time;
            }
        }
    }

    /** The latest time seen, if any answer gave one. */
    public synchronized Optional<Instant> latest() {
        return Optional.ofNullable(latest);
    }
}
