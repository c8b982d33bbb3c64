package io.backupverify.engine.target.sftp;

import java.io.IOException;
import java.io.InputStream;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Reads a file over SFTP and, when the connection drops mid-file, reconnects and goes on from the byte it had
 * reached, a limited number of times; after that the read fails with the cause. A partial file never ends as if
 * it were whole: either the bytes continue where they stopped or the read fails.
 */
final class ResumingInputStream extends InputStream {
    private final SftpTarget target;
    private final String path;
    private InputStream current;
    private long offset;
    private int resumes;

    ResumingInputStream(SftpTarget target, String path, long offset) throws IOException {
        this.target = target;
        this.path = path;
        this.offset = offset;
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
        if (++resumes >= SftpTarget.MAX_ATTEMPTS) {
            throw new IOException("reading " + path + " failed after " + resumes + " attempts at byte " + offset
                    + ": " + SftpTarget.reason(cause), cause);
        }
        current = target.openAt(path, offset);
    }

    private void closeQuietly() {
        try {
            current.close();
        } catch (IOException e) {
            // The connection is gone already; a new one is opened.
        }
    }

    @Override
    public void close() throws IOException {
        current.close();
    }
}
