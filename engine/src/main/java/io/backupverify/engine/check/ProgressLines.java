package io.backupverify.engine.check;

import io.backupverify.engine.plan.ByteSize;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress as lines for a log (a CI build log, where a line redrawn in place does not work): one line at most every
 * interval while data is read, never one per file, and a closing line for a check that printed any. Safe to call
 * from several reading threads.
 */
public final class ProgressLines implements Progress {
    private final Consumer<String> out;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private String label;
    private long totalFiles;
    private long totalBytes;
    private long startedNanos;
    private long lastLineNanos;
    private boolean printed;

    public ProgressLines(Consumer<String> out, Duration interval) {
        this(out, interval, System::nanoTime);
    }

    ProgressLines(Consumer<String> out, Duration interval, LongSupplier nanoClock) {
        this.out = out;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void begin(String setName, String checkId, long fileCount, long byteCount) {
        files.set(0);
        bytes.set(0);
        totalFiles = fileCount;
        totalBytes = byteCount;
        label = setName + "/" + checkId;
        startedNanos = nanoClock.getAsLong();
        lastLineNanos = startedNanos;
        printed = false;
    }

    @Override
    public void advance(long fileCount, long byteCount) {
        files.addAndGet(fileCount);
        bytes.addAndGet(byteCount);
        long now = nanoClock.getAsLong();
        synchronized (this) {
            if (label != null && now - lastLineNanos >= intervalNanos) {
                lastLineNanos = now;
                printed = true;
                out.accept(line(now));
            }
        }
    }

    @Override
    public synchronized void end() {
        if (label != null && printed) {
            out.accept(line(nanoClock.getAsLong()) + ", done");
        }
        label = null;
    }

    private String line(long now) {
        double seconds = Math.max(1e-3, (now - startedNanos) / 1e9);
        long done = bytes.get();
        if (totalFiles < 0) {
            // A check that streams its listing does not know its totals in advance.
            return String.format(Locale.ROOT, "%s: %,d files, %s read (%s/s)", label, files.get(),
                    ByteSize.format(done), ByteSize.format((long) (done / seconds)));
        }
        return String.format(Locale.ROOT, "%s: %,d of %,d files, %s of %s read (%s/s)", label, files.get(),
                totalFiles, ByteSize.format(done), ByteSize.format(totalBytes),
                ByteSize.format((long) (done / seconds)));
    }
}
