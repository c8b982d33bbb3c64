package io.backupverify.engine.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {
    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** Hands out at most {@code step} bytes a read, then fails with {@code failure} after {@code failAt} bytes. */
    private static InputStream source(byte[] data, int step, int failAt, IOException failure) {
        return new InputStream() {
            private int position;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (position >= failAt) {
                    throw failure;
                }
                if (position == data.length) {
                    return -1;
                }
                int count = Math.min(Math.min(length, step), Math.min(data.length, failAt) - position);
                System.arraycopy(data, position, buffer, offset, count);
                position += count;
                return count;
            }
        };
    }

    @Test
    void everyByteArrivesInOrderWhateverTheReadSizes() throws IOException {
        for (int size : new int[] {0, 1, 4095, 4096, 4097, 100_000}) {
            byte[] data = random(size);
            try (InputStream in = new ReadAheadInputStream(source(data, 777, Integer.MAX_VALUE, null), 4096, 3,
                    "test")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[1000];
                int first = in.read();
                if (first >= 0) {
                    out.write(first);
                }
                int read;
                while ((read = in.read(buffer, 0, buffer.length)) >= 0) {
                    out.write(buffer, 0, read);
                }
                assertThat(out.toByteArray()).as("size " + size).isEqualTo(data);
                assertThat(in.read()).isEqualTo(-1);
                assertThat(in.read(buffer, 0, 10)).isEqualTo(-1);
            }
        }
    }

    @Test
    void aFailureArrivesAfterTheBytesBeforeItAsTheSameExceptionNeverAsTheEnd() throws IOException {
        byte[] data = random(50_000);
        // EOFException is what decompressors throw for a stream cut short: it must not read as a clean end
        EOFException cutShort = new EOFException("Unexpected end of ZLIB input stream");
        try (InputStream in = new ReadAheadInputStream(source(data, 1000, 30_500, cutShort), 4096, 2, "test")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            IOException thrown = null;
            try {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                }
            } catch (IOException e) {
                thrown = e;
            }
            assertThat(thrown).isSameAs(cutShort);
            assertThat(out.size()).isEqualTo(30_500);
            assertThatThrownBy(in::read).isSameAs(cutShort);
        }
    }

    @Test
    void uncheckedFailuresOfTheSourceReachTheReaderToo() throws IOException {
        InputStream broken = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("bad header");
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                throw new IllegalStateException("bad header");
            }
        };
        try (InputStream in = new ReadAheadInputStream(broken, 1024, 2, "test")) {
            assertThatThrownBy(in::read).isInstanceOf(IllegalStateException.class).hasMessage("bad header");
        }
    }

    @Test
    void closingStopsTheThreadAndClosesTheSourceEvenWhileItWaitsForTheReader() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 7;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                java.util.Arrays.fill(buffer, offset, offset + length, (byte) 7);
                return length;
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        ReadAheadInputStream in = new ReadAheadInputStream(endless, 1024, 2, "read-ahead-close-test");
        assertThat(in.read()).isEqualTo(7);
        in.close();
        assertThat(closed).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName()
                .equals("read-ahead-close-test"));
        assertThatThrownBy(in::read).isInstanceOf(IOException.class);
    }

    @Test
    void anInterruptedReaderGetsAnInterruptedIoExceptionAndKeepsItsInterrupt() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        InputStream stalled = new InputStream() {
            @Override
            public int read() throws IOException {
                return read(new byte[1], 0, 1);
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("stopped");
                }
                return -1;
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        ReadAheadInputStream in = new ReadAheadInputStream(stalled, 1024, 2, "test");
        Thread reader = new Thread(() -> {
            try {
                in.read();
            } catch (IOException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        reader.start();
        while (reader.isAlive() && reader.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        reader.interrupt();
        reader.join();
        assertThat(thrown.get()).isInstanceOf(InterruptedIOException.class);
        assertThat(stillInterrupted).isTrue();
        in.close();
    }

    @Test
    void aSourceFromMemoryReadsWhole() throws IOException {
        byte[] data = random(3 * 1024 + 5);
        try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), 1024, 2, "test")) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }
}
