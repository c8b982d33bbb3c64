package io.backupverify.engine.check.reading;

import io.backupverify.engine.check.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;

/**
 * Feeds a file's bytes to a digest: from a stream (any target: a local file, an S3 object, an SFTP file, or a
 * stream that fetches ranged parts ahead), or from a local file mapped into memory, which spares the copy from
 * the page cache that reading takes and so hashes a warm file about a sixth faster. Reports progress in steps and
 * stops when its thread is interrupted. Each reading thread uses its own instance and digests its own files, so
 * hashing never waits on another thread's reads.
 */
public final class Digests {
    /** Files at least this large are mapped when the target can; smaller ones are cheaper to read. */
    public static final long MAP_AT_LEAST = 1L << 20;
    private static final long WINDOW = 64L << 20;
    private static final long PROGRESS_STEP = 16L << 20;

    private final Progress progress;
    private final byte[] buffer;
    private final long window;

    public Digests(Progress progress, int bufferBytes) {
        this(progress, bufferBytes, WINDOW);
    }

    /** @param window bytes mapped at a time */
    Digests(Progress progress, int bufferBytes, long window) {
        this.progress = progress;
        this.buffer = new byte[bufferBytes];
        this.window = window;
    }

    /** Whether mapping can be used in this JVM. */
    public static boolean canMap() {
        return Unmapper.available();
    }

    /** Reads the stream to its end into the digest; returns the bytes read. */
    public long update(MessageDigest digest, InputStream in) throws IOException {
        long total = 0;
        long unreported = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            digest.update(buffer, 0, read);
            total += read;
            unreported += read;
            if (unreported >= PROGRESS_STEP) {
                report(unreported);
                unreported = 0;
            }
        }
        progress.advance(0, unreported);
        return total;
    }

    /**
     * Maps the file window by window into the digest, to the size it has now; returns the bytes read. A file that
     * shrinks while mapped is an IOException, not a crash.
     */
    public long update(MessageDigest digest, FileChannel channel) throws IOException {
        long size = channel.size();
        long unreported = 0;
        for (long at = 0; at < size; at += window) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(window, size - at));
            try {
                while (mapped.hasRemaining()) {
                    int step = (int) Math.min(PROGRESS_STEP, mapped.remaining());
                    mapped.limit(mapped.position() + step);
                    digest.update(mapped);
                    mapped.limit(mapped.capacity());
                    unreported += step;
                    if (unreported >= PROGRESS_STEP) {
                        report(unreported);
                        unreported = 0;
                    }
                }
            } catch (InternalError e) {
                // The JVM's answer to SIGBUS: the mapped file was cut short under us.
                throw new IOException("the file shrank while it was being read (it was " + size + " bytes)");
            } finally {
                Unmapper.unmap(mapped);
            }
        }
        progress.advance(0, unreported);
        return size;
    }

    private void report(long bytes) throws InterruptedIOException {
        progress.advance(0, bytes);
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("verification was interrupted");
        }
    }
}
