package io.backupverify.engine.check.reading;

import io.backupverify.engine.check.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;

/**
 * Feeds a file's bytes to a digest: from a stream (any target: a local file, an S3 object, an SFTP file, or a
 * stream that fetches ranged parts ahead), or from a local file mapped into memory, which spares the read system
 * calls. Mapped bytes go through a small heap chunk that stays in the processor's first-level cache, so that both
 * ways end in the same {@code MessageDigest.update(byte[], int, int)}, the call HotSpot compiles with its SHA
 * intrinsic (and that {@link DigestWarmUp} compiles ahead). Reports progress in steps and stops when its thread is
 * interrupted. Each reading thread uses its own instance and digests its own files, so hashing never waits on
 * another thread's reads.
 */
public final class Digests {
    /** Files at least this large are mapped when the target can; smaller ones are cheaper to read. */
    public static final long MAP_AT_LEAST = 1L << 20;
    private static final long WINDOW = 64L << 20;
    static final long PROGRESS_STEP = 16L << 20;
    /** Bytes copied from a mapped region at a time: small enough to stay in a first-level cache. */
    private static final int CHUNK = 8 << 10;

    private final Progress progress;
    private final byte[] buffer;
    private final long window;
    private final int chunk;

    public Digests(Progress progress, int bufferBytes) {
        this(progress, bufferBytes, WINDOW, CHUNK);
    }

    /** @param window bytes mapped at a time */
    Digests(Progress progress, int bufferBytes, long window) {
        this(progress, bufferBytes, window, CHUNK);
    }

    /** @param chunk bytes of a mapped region digested at a time (at most {@code bufferBytes}) */
    Digests(Progress progress, int bufferBytes, long window, int chunk) {
        this.progress = progress;
        this.buffer = new byte[bufferBytes];
        this.window = window;
        this.chunk = Math.min(chunk, bufferBytes);
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
                unreported = updateMapped(digest, mapped, unreported, channel, size);
            } finally {
                Unmapper.unmap(mapped);
            }
        }
        progress.advance(0, unreported);
        return size;
    }

    /**
     * Digests a mapped region; a fault in reading it (the file was cut short under us, or the disk could not read a
     * page) is an IOException, thrown before the region is released (see {@link PendingFault}).
     */
    private long updateMapped(MessageDigest digest, MappedByteBuffer mapped, long unreported, FileChannel channel,
            long size) throws IOException {
        try {
            try {
                return update(digest, mapped, unreported);
            } finally {
                PendingFault.deliver(size);
            }
        } catch (InternalError e) {
            throw new IOException(faultMessage(channel, size));
        }
    }

    private static String faultMessage(FileChannel channel, long size) {
        long now;
        try {
            now = channel.size();
        } catch (IOException e) {
            now = -1;
        }
        if (now >= 0 && now < size) {
            return "the file shrank while it was being read (it was " + size + " bytes, now " + now + ")";
        }
        return "part of the file could not be read (it was cut short and written again while being read, or the "
                + "disk could not read it)";
    }

    /**
     * Digests what remains of {@code region} chunk by chunk; returns the bytes not yet reported as progress, which
     * starts at {@code unreported}.
     */
    long update(MessageDigest digest, ByteBuffer region, long unreported) throws InterruptedIOException {
        long pending = unreported;
        while (region.hasRemaining()) {
            int step = Math.min(chunk, region.remaining());
            region.get(buffer, 0, step);
            digest.update(buffer, 0, step);
            pending += step;
            if (pending >= PROGRESS_STEP) {
                report(pending);
                pending = 0;
            }
        }
        return pending;
    }

    private void report(long bytes) throws InterruptedIOException {
        progress.advance(0, bytes);
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("verification was interrupted");
        }
    }
}
