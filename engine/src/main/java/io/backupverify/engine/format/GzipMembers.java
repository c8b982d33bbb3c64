package io.backupverify.engine.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The data of every member of a gzip file, read as {@code gzip -d} reads it: members one after another, each with
 * its CRC and length checked, then the end of the file. Zero bytes after the last member are padding, as tape and
 * {@code dd} blocks leave; gzip ignores them with the warning "decompression OK, trailing zero bytes ignored"
 * (exit 2 with {@code -v}), and so they are counted here for a warning. Any other byte after a member is garbage,
 * which may be a member whose header was lost: an error. The readable check warns of the padding; the archive
 * restore ignores it, as {@code tar -xz} does.
 */
public final class GzipMembers extends InputStream {
    private static final int GZIP_ID1 = 0x1f;

    private final BufferedInputStream in;
    private final byte[] one = new byte[1];
    private GzipCompressorInputStream member;
    private long padding;
    private boolean ended;

    public GzipMembers(InputStream compressed) throws IOException {
        this.in = new BufferedInputStream(compressed, 1 << 16);
        this.member = open();
    }

    /** Zero bytes found after the last member, ignored as gzip ignores them. */
    public long padding() {
        return padding;
    }

    @Override
    public int read() throws IOException {
        int n;
        while ((n = read(one, 0, 1)) == 0) {
            // a member may return nothing yet
        }
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!ended) {
            int n = member.read(buffer, offset, length);
            if (n >= 0) {
                return n;
            }
            member.close();
            ended = !nextMember();
        }
        return -1;
    }

    /** After a member's end: opens the next one, or reads to the end of the file; false at the end. */
    private boolean nextMember() throws IOException {
        in.mark(2);
        int first = in.read();
        if (first < 0) {
            return false;
        }
        if (first == GZIP_ID1) {
            in.reset();
            member = open();
            return true;
        }
        if (first != 0) {
            throw new IOException("Garbage after a valid .gz stream");
        }
        long zeros = 1;
        byte[] rest = new byte[8192];
        int n;
        while ((n = in.read(rest)) >= 0) {
            for (int i = 0; i < n; i++) {
                if (rest[i] != 0) {
                    throw new IOException("Garbage after a valid .gz stream (a non-zero byte after " + (zeros + i)
                            + " zero bytes)");
                }
            }
            zeros += n;
        }
        padding = zeros;
        return false;
    }

    private GzipCompressorInputStream open() throws IOException {
        // each member's stream is closed at its end (freeing its inflater); the file stays open
        return new GzipCompressorInputStream(new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the file is closed once, at the end
            }
        }, false);
    }

    @Override
    public void close() throws IOException {
        try {
            member.close();
        } finally {
            in.close();
        }
    }
}
