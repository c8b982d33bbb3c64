package io.backupverify.engine.format;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * The data of every stream of a bzip2 file, read as {@code bzip2 -d} (1.0.8) reads it: streams one after another
 * (pbzip2, {@code cat a.bz2 b.bz2}), each with its block and stream CRCs checked. After a stream, the next bytes
 * are taken for the next stream's header {@code BZh1}…{@code BZh9} byte by byte: bytes that stop matching it are
 * trailing garbage, which bzip2 ignores with the warning "trailing garbage after EOF ignored" and exit 0 (so
 * {@code tar -xj} restores the file), and so they are counted here for a warning; a file that ends inside a
 * header makes bzip2 fail ("file ends unexpectedly"), and so an error here.
 *
 * <p>One case bzip2 gets wrong is an error here: trailing bytes that hold a compressed block (its 48-bit block
 * marker, at any bit), which is a stream whose header was damaged. bzip2 drops it as garbage with exit 0, losing
 * the data it holds.
 */
public final class Bzip2Streams extends StreamSequence {
    private static final byte[] HEADER = {'B', 'Z', 'h'};
    private static final long BLOCK_MARKER = 0x314159265359L;
    private static final long MARKER_MASK = (1L << 48) - 1;

    private long trailing;
    private boolean trailingZerosOnly = true;

    public Bzip2Streams(InputStream compressed) throws IOException {
        super(compressed);
        openStream();
    }

    /** Bytes after the last stream that bzip2 ignores as trailing garbage; 0 when the file ends with a stream. */
    public long trailing() {
        return trailing;
    }

    /** Whether those bytes are all zeros (padding, such as tape and {@code dd} blocks leave). */
    public boolean trailingZerosOnly() {
        return trailingZerosOnly;
    }

    /** A sentence for a warning about the trailing bytes, or "" when there are none. */
    public String trailingWarning() {
        if (trailing == 0) {
            return "";
        }
        return "decompression OK, " + trailing + " trailing " + (trailingZerosOnly ? "zero bytes (padding, such as "
                + "tape or dd blocks leave)" : "bytes that are not bzip2 data") + " after the last bzip2 stream "
                + "ignored, as bzip2 ignores them: bzip2 -t and bzip2 -d warn \"trailing garbage after EOF ignored\" "
                + "and exit 0";
    }

    @Override
    protected InputStream open(InputStream file) throws IOException {
        return new BZip2CompressorInputStream(file, false);
    }

    @Override
    protected boolean another() throws IOException {
        in.mark(4);
        int matched = 0;
        int next;
        while (true) {
            next = in.read();
            if (next < 0) {
                if (matched == 0) {
                    return false;
                }
                throw new EOFException("the file ends inside the header of a further bzip2 stream, after " + matched
                        + " of its 4 bytes (truncated; bzip2 -t: \"file ends unexpectedly\")");
            }
            boolean matches = matched < HEADER.length ? next == HEADER[matched] : next >= '1' && next <= '9';
            if (!matches) {
                break;
            }
            if (++matched == 4) {
                in.reset();
                return true;
            }
        }
        in.reset();
        readTrailing();
        return false;
    }

    private void readTrailing() throws IOException {
        long window = 0;
        long count = 0;
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            for (int i = 0; i < n; i++) {
                int b = chunk[i] & 0xff;
                if (b != 0) {
                    trailingZerosOnly = false;
                }
                window = (window << 8) | b;
                count++;
                if (count >= 6 && holdsBlockMarker(window, count)) {
                    throw new IOException("after the last bzip2 stream, the " + "trailing bytes hold a compressed "
                            + "bzip2 block (a stream whose header is damaged) at about byte " + (count - 6) + " of them:"
                            + " bzip2 -d drops it as \"trailing garbage\" with exit 0, losing its data");
                }
            }
        }
        trailing = count;
    }

    /** Whether the last bytes read end with the block marker at one of the 8 bit positions. */
    private static boolean holdsBlockMarker(long window, long count) {
        int shifts = count >= 7 ? 8 : 1;
        for (int shift = 0; shift < shifts; shift++) {
            if (((window >>> shift) & MARKER_MASK) == BLOCK_MARKER) {
                return true;
            }
        }
        return false;
    }
}
