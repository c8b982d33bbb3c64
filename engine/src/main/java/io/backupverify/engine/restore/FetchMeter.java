package io.backupverify.engine.restore;

import io.backupverify.engine.check.Progress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Adds up the time spent waiting for the target and the bytes it delivered, and tells a progress display about the
 * files opened and the bytes read.
 */
final class FetchMeter {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Progress progress;

    FetchMeter(Progress progress) {
        this.progress = progress;
    }

    InputStream meter(InputStream in) {
        progress.advance(1, 0);
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                long start = System.nanoTime();
                int value = super.read();
                nanos.addAndGet(System.nanoTime() - start);
                if (value >= 0) {
                    bytes.incrementAndGet();
                    progress.advance(0, 1);
                }
                return value;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                long start = System.nanoTime();
                int read = super.read(buffer, offset, length);
                nanos.addAndGet(System.nanoTime() - start);
                if (read > 0) {
                    bytes.addAndGet(read);
                    progress.advance(0, read);
                }
                return read;
            }

            @Override
            public long skip(long count) throws IOException {
                long start = System.nanoTime();
                long skipped = super.skip(count);
                nanos.addAndGet(System.nanoTime() - start);
                bytes.addAndGet(Math.max(0, skipped));
                progress.advance(0, Math.max(0, skipped));
                return skipped;
            }
        };
    }

    /** Bytes a restore tool reads itself from a local file; the time is the restore's. */
    void readInPlace(long count) {
        bytes.addAndGet(count);
    }

    long millis() {
        return nanos.get() / 1_000_000;
    }

    long bytes() {
        return bytes.get();
    }
}
