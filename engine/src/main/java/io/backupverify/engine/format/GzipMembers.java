package io.backupverify.engine.format;

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
public final class GzipMembers extends StreamSequence {
    private static final int GZIP_ID1 = 0x1f;

    private long padding;

    public GzipMembers(InputStream compressed) throws IOException {
        super(compressed);
        openStream();
    }

    /** Zero bytes found after the last member, ignored as gzip ignores them. */
    public long padding() {
        return padding;
    }

    @Override
    protected InputStream open(InputStream file) throws IOException {
        return new GzipCompressorInputStream(file, false);
    }

    @Override
    protected boolean another() throws IOException {
        in.mark(2);
        int first = in.read();
        if (first < 0) {
            return false;
        }
        if (first == GZIP_ID1) {
            in.reset();
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
}
