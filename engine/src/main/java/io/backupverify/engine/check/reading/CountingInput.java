package io.backupverify.engine.check.reading;

import io.backupverify.engine.check.Progress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * Counts the bytes read from a file, so that a reader can say at which offset reading stopped, and reports them
 * to the progress display in steps. Stops with an InterruptedIOException when its thread is interrupted.
 */
public final class CountingInput extends FilterInputStream {
    private static final long PROGRESS_STEP = 16L << 20;

    private final Progress progress;
    private long position;
    private long unreported;
    private IOException sourceFailure;

    public CountingInput(InputStream in, Progress progress) {
        super(in);
        this.progress = progress;
    }

    /** Bytes read (or skipped) so far: the offset of the next byte. */
    public long position() {
        return position;
    }

    /**
     * The error the file itself gave when read (as opposed to one a decoder on top of it raised about the
     * content), or null.
     */
    public IOException sourceFailure() {
        return sourceFailure;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = in.read();
        } catch (IOException e) {
            sourceFailure = e;
            throw e;
        }
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException e) {
            sourceFailure = e;
            throw e;
        }
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped;
        try {
            skipped = in.skip(n);
        } catch (IOException e) {
            sourceFailure = e;
            throw e;
        }
        if (skipped > 0) {
            counted(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int limit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** Reports the bytes not yet reported. */
    public void flushProgress() {
        if (unreported > 0) {
            progress.advance(0, unreported);
            unreported = 0;
        }
    }

    private void counted(long n) throws InterruptedIOException {
        position += n;
        unreported += n;
        if (unreported >= PROGRESS_STEP) {
            flushProgress();
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("verification was interrupted");
            }
        }
    }
}
