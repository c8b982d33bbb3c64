package io.backupverify.engine.history;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One pass over the {@code runs/} folder of a history: lists the record files, orders them by the start time their
 * names carry, reads and parses a bounded number ahead on a few threads, and hands the records on oldest first. At
 * most {@link #AHEAD} records are held at any time, however long the history.
 */
final class HistoryScan {
    /** Files read ahead of the one being handed on. */
    static final int AHEAD = 64;
    private static final long UNTIMED = Long.MIN_VALUE;
    private static final Pattern RECORD_NAME = Pattern.compile("\\d{8}T\\d{6}Z-[a-z-]+-[0-9a-f]{12}\\.json");

    private final HistoryFormat format;
    private final Instant since;
    private final List<HistoryRead.DamagedFile> damaged = new ArrayList<>();

    HistoryScan(HistoryFormat format, Instant since) {
        this.format = format;
        this.since = since;
    }

    /** Reads the folder; returns the files that were skipped as damaged, by name. */
    List<HistoryRead.DamagedFile> scan(Path runs, Consumer<RunRecord> sink) throws IOException {
        List<Listed> timed = new ArrayList<>();
        List<Path> untimed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runs, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                long second = nameSecond(name);
                if (second == UNTIMED) {
                    untimed.add(file);
                } else if (second + 1 >= since.getEpochSecond()) {
                    timed.add(new Listed(second, name, file));
                }
            }
        }
        timed.sort(Comparator.comparingLong(Listed::second).thenComparing(Listed::name));
        // files named otherwise are rare: read them first and merge them in by time
        List<RunRecord> others = new ArrayList<>();
        untimed.sort(Comparator.naturalOrder());
        for (Path file : untimed) {
            take(read(file), file, others);
        }
        others.sort(Comparator.comparing(RunRecord::startedAt));
        Deque<RunRecord> pending = new ArrayDeque<>(others);
        int threads = Math.min(4, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = threads > 1 && timed.size() > 1 ? Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "history-read");
            thread.setDaemon(true);
            return thread;
        }) : null;
        try {
            Deque<Future<Parsed>> ahead = new ArrayDeque<>();
            int submitted = 0;
            List<RunRecord> sameSecond = new ArrayList<>();
            for (int i = 0; i < timed.size(); i++) {
                Parsed parsed;
                if (pool == null) {
                    parsed = read(timed.get(i).file());
                } else {
                    while (submitted < timed.size() && submitted <= i + AHEAD) {
                        Path file = timed.get(submitted++).file();
                        ahead.addLast(pool.submit(() -> read(file)));
                    }
                    parsed = result(ahead.removeFirst());
                }
                take(parsed, timed.get(i).file(), sameSecond);
                if (i + 1 < timed.size() && timed.get(i + 1).second() == timed.get(i).second()) {
                    continue;
                }
                sameSecond.sort(Comparator.comparing(RunRecord::startedAt));
                for (RunRecord record : sameSecond) {
                    while (!pending.isEmpty() && pending.peekFirst().startedAt().isBefore(record.startedAt())) {
                        sink.accept(pending.removeFirst());
                    }
                    sink.accept(record);
                }
                sameSecond.clear();
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        pending.forEach(sink);
        damaged.sort(Comparator.comparing(HistoryRead.DamagedFile::file));
        return damaged;
    }

    /** What reading one file gave: a record, a reason it is damaged, or neither when it was removed meanwhile. */
    private record Parsed(RunRecord record, String problem) {
    }

    private Parsed read(Path file) {
        try {
            return new Parsed(format.read(Files.readAllBytes(file)), null);
        } catch (NoSuchFileException e) {
            return new Parsed(null, null); // removed while we were reading (pruned by someone); not damage
        } catch (IOException e) {
            return new Parsed(null, e.getMessage());
        }
    }

    private void take(Parsed parsed, Path file, List<RunRecord> records) {
        if (parsed.problem() != null) {
            damaged.add(new HistoryRead.DamagedFile(file.toString(), parsed.problem()));
        } else if (parsed.record() != null && !parsed.record().startedAt().isBefore(since)) {
            records.add(parsed.record());
        }
    }

    private static Parsed result(Future<Parsed> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the history", e);
        } catch (ExecutionException e) {
            throw new IOException("cannot read the history: " + e.getCause(), e.getCause());
        }
    }

    /** The start second a record's file name carries, or {@link #UNTIMED} for a name of another form. */
    /** The start of the latest run among the files of {@code runs} named by their start time, if any. */
    static Optional<Instant> latestNamed(Path runs) throws IOException {
        long latest = UNTIMED;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runs)) {
            for (Path file : files) {
                long second = nameSecond(file.getFileName().toString());
                if (second != UNTIMED && (latest == UNTIMED || second > latest)) {
                    latest = second;
                }
            }
        }
        return latest == UNTIMED ? Optional.empty() : Optional.of(Instant.ofEpochSecond(latest));
    }

    private static long nameSecond(String name) {
        if (!RECORD_NAME.matcher(name).matches()) {
            return UNTIMED;
        }
        try {
            return LocalDateTime.of(digits(name, 0, 4), digits(name, 4, 2), digits(name, 6, 2), digits(name, 9, 2),
                    digits(name, 11, 2), digits(name, 13, 2)).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return UNTIMED;
        }
    }

    private static int digits(String text, int from, int count) {
        return Integer.parseInt(text, from, from + count, 10);
    }

    /** A history file whose name carries its start time. */
    private record Listed(long second, String name, Path file) {
    }
}
