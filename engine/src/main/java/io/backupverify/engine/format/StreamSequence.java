package io.backupverify.engine.format;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The decompressed data of a file of compressed streams one after another (gzip members, bzip2 streams), read as
 * their tool reads them: each stream is opened on the file where the one before ended, and what follows the last
 * is for the subclass to judge.
 */
abstract class StreamSequence extends InputStream {
    /** The file, buffered so that the bytes after a stream can be looked at and given back. */
    protected final BufferedInputStream in;
    private final byte[] one = new byte[1];
    private InputStream stream;
    private boolean ended;

    StreamSequence(InputStream compressed) {
        this.in = new BufferedInputStream(compressed, 1 << 16);
    }

    /** Opens a stream where the file stands: the first one (subclasses call it last in their constructor), then each further one. */
    protected final void openStream() throws IOException {
        stream = open(new FilterInputStream(in) {
            @Override
            public void close() {
                // each stream is closed at its end, freeing its decoder; the file is closed once, at the end
            }
        });
    }

    /** A decoder of one stream that reads no further than its end. */
    protected abstract InputStream open(InputStream file) throws IOException;

    /**
     * After a stream's end, with {@link #in} at the byte after it: whether another stream begins there (left
     * unread); false when the file ends or what follows is not a stream (read, judged and counted).
     */
    protected abstract boolean another() throws IOException;

    @Override
    public int read() throws IOException {
        int n;
        while ((n = read(one, 0, 1)) == 0) {
            // a stream may return nothing yet
        }
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!ended) {
            int n = stream.read(buffer, offset, length);
            if (n >= 0) {
                return n;
            }
            stream.close();
            if (another()) {
                openStream();
            } else {
                ended = true;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            in.close();
        }
    }
}
