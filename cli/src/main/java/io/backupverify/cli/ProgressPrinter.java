package io.backupverify.cli;

import io.backupverify.engine.check.Progress;
import io.backupverify.engine.plan.ByteSize;
import io.backupverify.engine.plan.DurationValue;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Shows files, bytes, throughput and ETA on one terminal line while a long check reads data. */
final class ProgressPrinter implements Progress, AutoCloseable {
    private final PrintWriter out;
    private final ScheduledExecutorService ticker;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile String label;
    private volatile long totalFiles;
    private volatile long totalBytes;
    private volatile long startedNanos;
    private int lastLength;

    ProgressPrinter(PrintWriter out) {
        this.out = out;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::draw, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public void begin(String setName, String checkId, long fileCount, long byteCount) {
        files.set(0);
        bytes.set(0);
        totalFiles = fileCount;
        totalBytes = byteCount;
        startedNanos = System.nanoTime();
        label = setName + "/" + checkId;
    }

    @Override
    public void advance(long fileCount, long byteCount) {
        files.addAndGet(fileCount);
        bytes.addAndGet(byteCount);
    }

    @Override
    public void end() {
        label = null;
        clear();
    }

    private synchronized void draw() {
        String current = label;
        if (current == null) {
            return;
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - startedNanos) / 1e9);
        long done = bytes.get();
        long rate = (long) (done / seconds);
        String eta = rate > 0 && totalBytes > done
                ? DurationValue.format(Duration.ofSeconds((totalBytes - done) / rate)) : "-";
        // A check that streams its listing does not know its totals (-1) in advance.
        String line = totalFiles < 0
                ? String.format("%s: %d files, %s, %s/s", current, files.get(), ByteSize.format(done),
                        ByteSize.format(rate))
                : String.format("%s: %d/%d files, %s/%s, %s/s, ETA %s", current, files.get(), totalFiles,
                        ByteSize.format(done), ByteSize.format(totalBytes), ByteSize.format(rate), eta);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    private synchronized void clear() {
        if (lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0;
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        clear();
    }
}
