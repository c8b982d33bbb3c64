package io.backupverify.engine.check.window;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.target.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells when a backup started and ended, from what the target knows, in this order:
 * <ol>
 * <li>a marker file ({@code backup-info.json} by default): inside a folder backup, or beside a file backup as
 *     {@code <file>.<marker>};</li>
 * <li>for a folder backup, the earliest and latest modification time of the files in it;</li>
 * <li>for a file backup, the time in its name (which must include the hour) and its modification time.</li>
 * </ol>
 */
final class BackupSpans {
    private static final Pattern DATE_PART = Pattern.compile("\\{([^}]*)}");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    private static final Pattern HOUR_LETTER = Pattern.compile("[HhKk]");
    /** File times spread wider than this tell of a tool that keeps the source's times, not of one run. */
    private static final Duration IMPLAUSIBLE_SPREAD = Duration.ofDays(1);

    private final CheckContext context;
    private final String marker;
    private final boolean nameHasHour;

    BackupSpans(CheckContext context, String marker) {
        this.context = context;
        this.marker = marker;
        this.nameHasHour = nameHasHour(context.set().layout().namePattern());
    }

    /** Whether the date part of a name pattern, such as {@code {yyyy-MM-dd'T'HHmm}}, gives the hour. */
    static boolean nameHasHour(String namePattern) {
        Matcher part = DATE_PART.matcher(namePattern);
        return part.find() && HOUR_LETTER.matcher(QUOTED.matcher(part.group(1)).replaceAll("")).find();
    }

    BackupSpan of(Backup backup) throws IOException, UnknownSpanException {
        return backup.directory() ? ofFolder(backup) : ofFile(backup);
    }

    private BackupSpan ofFolder(Backup backup) throws IOException, UnknownSpanException {
        BackupContents contents = context.contents(backup);
        String markerPath = backup.path() + "/" + marker;
        Instant first = null;
        Instant last = null;
        for (Entry entry : contents.entries()) {
            if (!entry.isFile()) {
                continue;
            }
            if (entry.path().equals(markerPath)) {
                return readMarker(markerPath);
            }
            first = first == null || entry.modified().isBefore(first) ? entry.modified() : first;
            last = last == null || entry.modified().isAfter(last) ? entry.modified() : last;
        }
        if (first == null) {
            throw new UnknownSpanException("holds no files whose times could date the backup; write a " + marker
                    + " marker with its start and end");
        }
        if (Duration.between(first, last).compareTo(IMPLAUSIBLE_SPREAD) > 0) {
            throw new UnknownSpanException("cannot tell when this backup ran: its file times span from " + first
                    + " to " + last + ", as when a tool such as rsync -a or cp -p keeps the source's modification "
                    + "times; write a " + marker + " marker with the real start and end");
        }
        if ("name".equals(backup.timeSource()) && last.isBefore(backup.time().minus(IMPLAUSIBLE_SPREAD))) {
            throw new UnknownSpanException("cannot tell when this backup ran: its newest file time " + last
                    + " is more than a day before the time in its name " + backup.time() + ", as when a tool "
                    + "keeps the source's modification times; write a " + marker + " marker with the real start "
                    + "and end");
        }
        return new BackupSpan(first, last, "file times");
    }

    private BackupSpan ofFile(Backup backup) throws IOException, UnknownSpanException {
        String markerPath = backup.path() + "." + marker;
        if (context.target().stat(markerPath).filter(Entry::isFile).isPresent()) {
            return readMarker(markerPath);
        }
        if (!"name".equals(backup.timeSource()) || !nameHasHour) {
            throw new UnknownSpanException("its start time is unknown: the name gives no time of day and there is no "
                    + backup.id() + "." + marker + " marker");
        }
        Optional<Entry> file = context.contents(backup).entries().stream().filter(Entry::isFile).findFirst();
        if (file.isEmpty()) {
            throw new UnknownSpanException("the backup file could not be read on the target");
        }
        Instant end = file.get().modified();
        if (end.isBefore(backup.time())) {
            throw new UnknownSpanException("its modification time " + end + " is before the time in its name "
                    + backup.time() + "; write a " + backup.id() + "." + marker + " marker");
        }
        return new BackupSpan(backup.time(), end, "name and file time");
    }

    private BackupSpan readMarker(String path) throws IOException, UnknownSpanException {
        try (InputStream in = context.target().open(path)) {
            return BackupInfoMarker.read(in, path, context.zone());
        }
    }
}
