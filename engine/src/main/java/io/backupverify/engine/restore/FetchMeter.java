package io.backupverify.engine.restore;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Adds up the time spent waiting for the target and the bytes it delivered. */
final class FetchMeter {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    InputStream meter(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                long start = System.nanoTime();
                int value = super.read();
                nanos.addAndGet(System.nanoTime() - start);
                if (value >= 0) {
                    bytes.incrementAndGet();
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
                }
                return read;
            }

            @Override
            public long skip(long count) throws IOException {
                long start = System.nanoTime();
                long skipped = super.skip(count);
                nanos.addAndGet(System.nanoTime() - start);
                bytes.addAndGet(Math.max(0, skipped));
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
