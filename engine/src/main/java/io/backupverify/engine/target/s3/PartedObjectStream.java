package io.backupverify.engine.target.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a large object as consecutive ranged parts, fetching the next few concurrently while the reader consumes
 * the current one, and hands the bytes out strictly in order, so a digest over the stream is the object's digest.
 * Memory stays bounded: a part is buffered only with a permit from a budget shared by all streams of the target;
 * without one the part is streamed directly when its turn comes. Each part is a resuming {@link S3ObjectStream}
 * pinned to the object's ETag.
 */
final class PartedObjectStream extends BlockInputStream {
    /** How a target splits large objects: part size, the smallest object split, and the shared buffer budget. */
    static final class Parts implements AutoCloseable {
        private final int partBytes;
        private final long minObjectBytes;
        private final int depth;
        private final Semaphore budget;
        private final ExecutorService fetchers;

        Parts(int partBytes, long minObjectBytes, int depth, int budgetParts, int fetchThreads) {
            this.partBytes = partBytes;
            this.minObjectBytes = minObjectBytes;
            this.depth = depth;
            this.budget = new Semaphore(budgetParts);
            AtomicInteger count = new AtomicInteger();
            this.fetchers = Executors.newFixedThreadPool(fetchThreads, task -> {
                Thread thread = new Thread(task, "s3-part-fetcher-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        /** 8 MiB parts for objects of 64 MiB and more; at most a quarter of the heap buffered at once. */
        static Parts defaults() {
            int partBytes = 8 << 20;
            long budgetParts = Runtime.getRuntime().maxMemory() / 4 / partBytes;
            return new Parts(partBytes, 64L << 20, 4, (int) Math.max(0, Math.min(64, budgetParts)), 8);
        }

        /** A parted stream when the object is large enough, else empty (the caller streams it plainly). */
        Optional<PartedObjectStream> open(S3Target target, String key, String name, long offset) throws IOException {
            if (budget.availablePermits() == 0 && minObjectBytes > 0) {
                return Optional.empty();
            }
            S3ObjectStream first = target.stream(key, name, offset, -1, null).connect();
            long end = first.end();
            if (end < 0 || end - offset < minObjectBytes) {
                return Optional.of(new PartedObjectStream(this, target, key, name, offset, end, first, true));
            }
            return Optional.of(new PartedObjectStream(this, target, key, name, offset, end, first, false));
        }

        @Override
        public void close() {
            fetchers.shutdownNow();
        }
    }

    private final Parts parts;
    private final S3Target target;
    private final String key;
    private final String name;
    private final long start;
    private final long end;
    private final String etag;
    private final int partCount;
    private final Map<Integer, Future<byte[]>> fetched = new HashMap<>();
    private int nextToFetch;
    private int part;
    private InputStream current;
    private boolean closed;

    private PartedObjectStream(Parts parts, S3Target target, String key, String name, long start, long end,
            S3ObjectStream first, boolean whole) {
        this.parts = parts;
        this.target = target;
        this.key = key;
        this.name = name;
        this.start = start;
        this.end = end;
        this.etag = first.etag();
        this.partCount = whole ? 1 : (int) ((end - start + parts.partBytes - 1) / parts.partBytes);
        // The first part comes from the first response, cut off at the part's end.
        this.current = whole ? first : new BoundedStream(first, partEnd(0) - start);
        this.nextToFetch = 1;
    }

    private long partStart(int index) {
        return start + (long) index * parts.partBytes;
    }

    private long partEnd(int index) {
        return Math.min(end, partStart(index + 1));
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the stream of " + name + " is closed");
        }
        while (true) {
            int read = current.read(buffer, offset, length);
            if (read >= 0 || part + 1 >= partCount) {
                return read;
            }
            current.close();
            part++;
            current = openPart(part);
        }
    }

    private InputStream openPart(int index) throws IOException {
        prefetch(index + 1);
        Future<byte[]> future = fetched.remove(index);
        if (future == null) {
            return target.stream(key, name, partStart(index), partEnd(index), etag);
        }
        try {
            return new java.io.ByteArrayInputStream(future.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + name);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("reading part " + (index + 1) + " of " + name + " failed: " + e.getCause());
        } catch (CancellationException e) {
            throw new IOException("reading part " + (index + 1) + " of " + name + " was cancelled");
        } finally {
            parts.budget.release();
        }
    }

    /** Starts fetching the parts after the current one, as far as the depth and the shared budget allow. */
    private void prefetch(int from) {
        nextToFetch = Math.max(nextToFetch, from);
        while (nextToFetch < partCount && nextToFetch < from + parts.depth && parts.budget.tryAcquire()) {
            int index = nextToFetch++;
            long partStart = partStart(index);
            long partEnd = partEnd(index);
            fetched.put(index, parts.fetchers.submit(() -> {
                try (S3ObjectStream in = target.stream(key, name, partStart, partEnd, etag)) {
                    return in.readNBytes((int) (partEnd - partStart));
                }
            }));
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        for (Future<byte[]> future : fetched.values()) {
            future.cancel(true);
            parts.budget.release();
        }
        fetched.clear();
        current.close();
    }

    /** At most {@code limit} bytes of a stream; closing it drops the rest of the underlying stream. */
    private static final class BoundedStream extends BlockInputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
