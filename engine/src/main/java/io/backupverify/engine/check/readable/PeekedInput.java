package io.backupverify.engine.check.readable;

import java.io.IOException;
import java.io.InputStream;

/** A stream whose first bytes were already read to tell its format: they come first, then the rest. */
final class PeekedInput extends InputStream {
    private final byte[] head;
    private final int length;
    private final InputStream rest;
    private int at;

    private PeekedInput(byte[] head, int length, InputStream rest) {
        this.head = head;
        this.length = length;
        this.rest = rest;
    }

    /** Reads up to {@code bytes} from the stream's start; they stay to be read again. */
    static PeekedInput peek(InputStream in, int bytes) throws IOException {
        byte[] head = new byte[bytes];
        int length = in.readNBytes(head, 0, bytes);
        return new PeekedInput(head, length, in);
    }

    byte[] head() {
        return head;
    }

    int headLength() {
        return length;
    }

    @Override
    public int read() throws IOException {
        return at < length ? head[at++] & 0xff : rest.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        if (at < length) {
            int n = Math.min(count, length - at);
            System.arraycopy(head, at, buffer, offset, n);
            at += n;
            return n;
        }
        return rest.read(buffer, offset, count);
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        if (at < length) {
            int skipped = (int) Math.min(n, length - at);
            at += skipped;
            return skipped;
        }
        return rest.skip(n);
    }

    @Override
    public int available() throws IOException {
        return at < length ? length - at : rest.available();
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
