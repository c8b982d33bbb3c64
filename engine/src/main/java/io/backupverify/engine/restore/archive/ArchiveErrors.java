package io.backupverify.engine.restore.archive;

import io.backupverify.engine.restore.RestoreRefusedException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * Tells a broken archive (a FAIL: the backup is corrupt or cut short) from a failure to read the target (an
 * ERROR: nothing is known about the backup). Reads from the target are tagged on the way in.
 */
final class ArchiveErrors {
    private ArchiveErrors() {
    }

    /** An I/O failure of the target itself, carried through decompressors and archive readers. */
    static final class TargetReadException extends IOException {
        TargetReadException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Something that reads the archive and may fail. */
    @FunctionalInterface
    interface ArchiveRead<T> {
        T call() throws IOException;
    }

    /** Wraps a stream from the target so that its failures are known as the target's. */
    static InputStream fromTarget(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw tag(e);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (IOException e) {
                    throw tag(e);
                }
            }

            @Override
            public long skip(long count) throws IOException {
                try {
                    return super.skip(count);
                } catch (IOException e) {
                    throw tag(e);
                }
            }
        };
    }

    private static IOException tag(IOException e) {
        return e instanceof InterruptedIOException ? e : new TargetReadException(e);
    }

    static int read(InputStream data, byte[] buffer, String item) throws IOException {
        return call(() -> data.read(buffer), item);
    }

    /**
     * Runs a read of the archive: a failure of the target stays an I/O error (ERROR); any other failure means the
     * archive is corrupt or cut short (FAIL naming the item).
     */
    static <T> T call(ArchiveRead<T> read, String item) throws IOException {
        try {
            return read.call();
        } catch (RestoreRefusedException | InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TargetReadException target) {
                    throw (IOException) target.getCause();
                }
            }
            throw new RestoreRefusedException(item, "corrupt or cut short: " + describe(e));
        } catch (RuntimeException e) {
            // Archive readers throw unchecked exceptions for some malformed headers.
            throw new RestoreRefusedException(item, "corrupt: " + describe(e));
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
