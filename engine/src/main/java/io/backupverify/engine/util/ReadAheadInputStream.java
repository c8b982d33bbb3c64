package io.backupverify.engine.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream on a thread of its own, a few chunks ahead of its reader, so that producing the bytes (reading
 * and decompressing an archive) and consuming them (writing the extracted files) use two cores. Every failure of
 * the source reaches the reader unchanged, at the point of the stream where it happened: the same exception
 * object, never turned into an end of stream. Closing stops the thread and closes the source.
 */
public final class ReadAheadInputStream extends InputStream {
    private static final Chunk END = new Chunk(new byte[0], -1, null);

    private final InputStream source;
    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<Chunk> filled;
    private final Thread producer;
    private Chunk current;
    private int position;
    private boolean closed;

    /** A chunk read from the source: {@code length} bytes, the end of the stream, or the failure that ended it. */
    private record Chunk(byte[] bytes, int length, Throwable failure) {
    }

    /**
     * @param chunkBytes the size of each chunk read ahead
     * @param chunks     how many chunks may be read ahead of the reader (at least two)
     */
    public ReadAheadInputStream(InputStream source, int chunkBytes, int chunks, String threadName) {
        this.source = source;
        int count = Math.max(2, chunks);
        this.free = new ArrayBlockingQueue<>(count);
        this.filled = new ArrayBlockingQueue<>(count + 1);
        for (int i = 0; i < count; i++) {
            free.add(new byte[chunkBytes]);
        }
        this.producer = new Thread(this::produce, threadName);
        producer.setDaemon(true);
        producer.start();
    }

    private void produce() {
        byte[] buffer = null;
        int length = 0;
        try {
            while (true) {
                buffer = free.take();
                length = 0;
                while (length < buffer.length) {
                    int read = source.read(buffer, length, buffer.length - length);
                    if (read < 0) {
                        break;
                    }
                    length += read;
                }
                boolean end = length < buffer.length;
                if (length > 0) {
                    filled.put(new Chunk(buffer, length, null));
                }
                buffer = null;
                if (end) {
                    filled.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed by the reader: nobody waits for more
        } catch (Throwable e) {
            // The reader gets the bytes read before the failure, then the failure. The queue has room for both:
            // it holds at most one chunk per buffer and one end.
            if (buffer != null && length > 0) {
                filled.offer(new Chunk(buffer, length, null));
            }
            filled.offer(new Chunk(null, -1, e));
        }
    }

    @Override
    public int read() throws IOException {
        if (!ensureAvailable()) {
            return -1;
        }
        return current.bytes()[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (!ensureAvailable()) {
            return -1;
        }
        int count = Math.min(length, current.length() - position);
        System.arraycopy(current.bytes(), position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return current == null || current.length() < 0 ? 0 : current.length() - position;
    }

    /** Makes the current chunk one with bytes left; false at the end of the stream; throws the source's failure. */
    private boolean ensureAvailable() throws IOException {
        if (closed) {
            throw new IOException("the stream is closed");
        }
        while (current == null || current.length() >= 0 && position == current.length()) {
            if (current != null) {
                free.add(current.bytes());
            }
            try {
                current = filled.take();
            } catch (InterruptedException e) {
                current = null;
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
            position = 0;
        }
        if (current.failure() != null) {
            rethrow(current.failure());
        }
        return current != END;
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IOException(failure);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        // the interrupt ends a wait for a free buffer; closing the source ends a read that blocks on it
        producer.interrupt();
        try {
            source.close();
        } finally {
            boolean interrupted = false;
            while (producer.isAlive()) {
                try {
                    producer.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
