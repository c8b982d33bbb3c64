package io.backupverify.engine.target.sftp;

import java.io.IOException;
import java.io.InputStream;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Reads a file over SFTP and, when the connection drops mid-file, reconnects and goes on from the byte it had
 * reached. It gives up when {@value #MAX_IN_A_ROW} tries in a row fail with nothing read after the first of them,
 * or after {@value #MAX_FAILURES} failed tries in all, and then fails with the cause. A partial file never ends as if it
 * were whole: the bytes continue where they stopped, or the read fails; an end before the size the server listed
 * counts as a failed try, not as the end of the file. A try after a failed one goes through
 * {@link Opener#reopenAt}, which may refuse to go on (the file changed since the read began).
 */
final class ResumingInputStream extends InputStream {
    static final int MAX_IN_A_ROW = SftpTarget.MAX_ATTEMPTS;
    static final int MAX_FAILURES = 10;

    /** Opens a fresh stream of a file from an offset (over a new channel, reconnecting when needed). */
    @FunctionalInterface
    interface Opener {
        InputStream openAt(String path, long offset) throws IOException;

        /** Opens the file again after a failed try; by default as at first. */
        default InputStream reopenAt(String path, long offset) throws IOException {
            return openAt(path, offset);
        }
    }

    private final Opener target;
    private final String path;
    private final long size;
    private InputStream current;
    private long offset;
    private long openedAt;
    private int inARow;
    private int failures;

    /** Reads {@code path} from {@code offset}; {@code size} is the length the server listed for it. */
    ResumingInputStream(Opener target, String path, long offset, long size) throws IOException {
        this.target = target;
        this.path = path;
        this.size = size;
        this.offset = offset;
        this.openedAt = offset;
        this.current = target.openAt(path, offset);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        while (true) {
            try {
                int n = current.read(buffer, off, len);
                if (n > 0) {
                    offset += n;
                } else if (n < 0 && offset < size) {
                    throw new IOException("the file ended at byte " + offset + " of the " + size + " listed");
                }
                return n;
            } catch (SftpException e) {
                throw e;
            } catch (IOException e) {
                resume(e);
            }
        }
    }

    private void resume(IOException cause) throws IOException {
        closeQuietly();
        failures++;
        inARow = offset > openedAt ? 1 : inARow + 1;
        if (inARow >= MAX_IN_A_ROW || failures >= MAX_FAILURES) {
            String why = inARow >= MAX_IN_A_ROW ? inARow + " tries in a row got no further"
                    : failures + " tries failed in all";
            throw new IOException("reading " + path + " failed after " + failures + " attempts at byte " + offset
                    + " (" + why + "): " + SftpTarget.reason(cause), cause);
        }
        openedAt = offset;
        current = target.reopenAt(path, offset);
    }

    private void closeQuietly() {
        try {
            current.close();
        } catch (IOException e) {
            // The connection is gone already; a new one is opened.
        }
    }

    /**
     * Closes the remote file. Every byte was checked as it was read, so a connection that drops while the server
     * is asked to close the handle changes nothing read: it is not an error of the file.
     */
    @Override
    public void close() {
        closeQuietly();
    }
}
