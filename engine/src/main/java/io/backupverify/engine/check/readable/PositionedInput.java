package io.backupverify.engine.check.readable;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * A format's view of its input: it knows its position, reads exactly what it asks for or fails with an
 * EOFException naming what it was reading, and can give back bytes a decoder read too far.
 */
final class PositionedInput {
    private final PushbackInputStream in;
    private final byte[] buffer;
    private long position;

    /** @param buffer scratch space for skipping and chunked reads; it also bounds what can be given back */
    PositionedInput(InputStream in, byte[] buffer) {
        this.in = new PushbackInputStream(in, buffer.length);
        this.buffer = buffer;
    }

    long position() {
        return position;
    }

    byte[] buffer() {
        return buffer;
    }

    /** The next byte, or -1 at the end. */
    int readOrEnd() throws IOException {
        int b = in.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    int readByte(String where) throws IOException {
        int b = readOrEnd();
        if (b < 0) {
            throw new EOFException(where);
        }
        return b;
    }

    byte[] readBytes(int count, String where) throws IOException {
        byte[] bytes = in.readNBytes(count);
        position += bytes.length;
        if (bytes.length < count) {
            throw new EOFException(where);
        }
        return bytes;
    }

    /** Up to {@code max} bytes into the buffer; at least one, or EOFException. */
    int readChunk(long max, String where) throws IOException {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, max));
        if (n < 0) {
            throw new EOFException(where);
        }
        position += n;
        return n;
    }

    /** Reads past {@code count} bytes. */
    void skip(long count, String where) throws IOException {
        long left = count;
        while (left > 0) {
            left -= readChunk(left, where);
        }
    }

    /** Gives back the last {@code count} bytes of the buffer's latest chunk of {@code length} bytes. */
    void unread(int length, int count) throws IOException {
        in.unread(buffer, length - count, count);
        position -= count;
    }

    /** The raw stream at the current position, for a decoder that reads a known number of bytes itself. */
    InputStream stream() {
        return in;
    }

    /** Records that a decoder read {@code count} bytes through {@link #stream()}. */
    void advanced(long count) {
        position += count;
    }

    /** An unsigned little-endian number of {@code count} bytes. */
    static long littleEndian(byte[] bytes, int at, int count) {
        long value = 0;
        for (int i = 0; i < count; i++) {
            value |= (long) (bytes[at + i] & 0xff) << (8 * i);
        }
        return value;
    }
}
