package io.backupverify.engine.check.integrity;

import io.backupverify.engine.check.Progress;
import io.backupverify.engine.check.reading.ReadBuffers;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;

/** Streams one file through a digest with a buffer it reuses; one per reading thread. */
final class FileDigester {
    private static final long PROGRESS_STEP = 16L << 20;

    private final Target target;
    private final Progress progress;
    private final byte[] buffer;

    FileDigester(Target target, Progress progress, int bufferBytes) {
        this.target = target;
        this.progress = progress;
        this.buffer = new byte[bufferBytes];
    }

    /** The buffer for each of several readers (see {@link ReadBuffers}). */
    static int bufferBytes(long largestFile, int readers) {
        return ReadBuffers.bytes(ReadBuffers.MAX_BYTES, largestFile, readers);
    }

    /** What reading a file gave: its digest and how many bytes it had. */
    record Digest(byte[] value, long bytes) {
    }

    Digest digest(ExpectedFile file) throws IOException {
        MessageDigest digest = file.algorithm().newDigest();
        long total = 0;
        long unreported = 0;
        try (InputStream in = target.open(file.read().path())) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
                total += read;
                unreported += read;
                if (unreported >= PROGRESS_STEP) {
                    progress.advance(0, unreported);
                    unreported = 0;
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("verification was interrupted");
                    }
                }
            }
        }
        progress.advance(1, unreported);
        return new Digest(digest.digest(), total);
    }
}
