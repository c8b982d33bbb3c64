package io.backupverify.engine.check.readable;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.deflate64.Deflate64CompressorInputStream;

/**
 * Reads a zip archive front to back, as a stream: every entry is decompressed and its CRC-32 and size compared
 * with those recorded, then the central directory must list the same entries (same CRC, same local header
 * offset) and end with its end record, whose counts must agree. Entries stored, deflated, deflate64- or
 * bzip2-compressed are checked; encrypted entries and other methods are counted as not checked.
 */
final class ZipWalker {
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int SPANNED = 0x08074b50;
    private static final int END = 0x06054b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final long MAX_SIZE32 = 0xffffffffL;

    private final PositionedInput in;
    private final byte[] buffer;
    private final byte[] out = new byte[64 << 10];
    private long entries;
    private long unchecked;
    /** CRC and local header offset of each entry, for the comparison with the central directory. */
    private long[] crcs = new long[64];
    private long[] offsets = new long[64];

    ZipWalker(InputStream in, byte[] buffer) {
        this.in = new PositionedInput(in, buffer);
        this.buffer = buffer;
    }

    String walk() throws IOException {
        try {
            int signature = readInt("the first entry");
            if (signature == SPANNED) {
                signature = readInt("the first entry");
            }
            while (signature == LOCAL) {
                readEntry(in.position() - 4);
                signature = readInt("the central directory");
            }
            long centralAt = in.position() - 4;
            long listed = 0;
            while (signature == CENTRAL) {
                readCentral(listed, centralAt);
                listed++;
                signature = readInt("the end of the central directory");
            }
            if (listed != entries) {
                throw new BrokenFileException("the zip central directory lists " + listed + " entries but "
                        + entries + " were found (byte " + in.position() + ")");
            }
            if (signature == ZIP64_END) {
                skip(readLong("the zip64 end record"), "the zip64 end record");
                signature = readInt("the zip64 end locator");
                if (signature == ZIP64_LOCATOR) {
                    skip(16, "the zip64 end locator");
                    signature = readInt("the end of the central directory");
                }
            }
            if (signature != END) {
                throw new BrokenFileException("unexpected bytes at byte " + (in.position() - 4)
                        + " where the zip archive's end record should be; it is corrupt there");
            }
            readEnd(listed, centralAt);
            String result = "zip, " + entries + (entries == 1 ? " entry" : " entries");
            return unchecked == 0 ? result : result + " (" + unchecked + " encrypted or in a method not checked)";
        } catch (EOFException e) {
            throw new BrokenFileException("the zip archive ends at byte " + in.position() + " in the middle of "
                    + e.getMessage() + "; it was cut short");
        }
    }

    private void readEntry(long headerAt) throws IOException {
        String where = "local header of entry " + (entries + 1);
        skip(2, where);
        int flags = readShort(where);
        int method = readShort(where);
        skip(4, where);
        long crc = readInt(where) & MAX_SIZE32;
        long compressed = readInt(where) & MAX_SIZE32;
        long size = readInt(where) & MAX_SIZE32;
        int nameLength = readShort(where);
        int extraLength = readShort(where);
        String name = new String(readBytes(nameLength, where), StandardCharsets.UTF_8);
        byte[] extra = readBytes(extraLength, where);
        boolean zip64 = false;
        for (int at = 0; at + 4 <= extra.length;) {
            int id = (extra[at] & 0xff) | (extra[at + 1] & 0xff) << 8;
            int length = (extra[at + 2] & 0xff) | (extra[at + 3] & 0xff) << 8;
            if (id == 1 && length >= 16 && at + 4 + length <= extra.length) {
                zip64 = true;
                if (size == MAX_SIZE32) {
                    size = littleEndian(extra, at + 4, 8);
                }
                if (compressed == MAX_SIZE32) {
                    compressed = littleEndian(extra, at + 12, 8);
                }
            }
            at += 4 + length;
        }
        boolean descriptor = (flags & 8) != 0;
        String what = "entry '" + name + "'";
        CRC32 actual = new CRC32();
        long produced;
        if ((flags & 1) != 0 || method != 0 && method != 8 && method != 9 && method != 12) {
            if (descriptor) {
                throw new BrokenFileException(what + " is encrypted or uses compression method " + method
                        + " and does not record its size; the archive cannot be read as a stream");
            }
            skip(compressed, what);
            unchecked++;
            remember(crc, headerAt);
            return;
        }
        if (method == 8) {
            produced = inflate(actual, what);
        } else if (method == 0) {
            if (descriptor) {
                throw new BrokenFileException(what + " is stored without recording its size; the archive cannot "
                        + "be read as a stream");
            }
            produced = copy(compressed, actual, what);
        } else {
            if (descriptor) {
                throw new BrokenFileException(what + " uses compression method " + method
                        + " without recording its size; the archive cannot be read as a stream");
            }
            produced = decompress(method, compressed, actual, what);
        }
        if (descriptor) {
            long first = readInt("the data descriptor of " + what) & MAX_SIZE32;
            crc = first == DESCRIPTOR ? readInt("the data descriptor of " + what) & MAX_SIZE32 : first;
            compressed = zip64 ? readLong(what) : readInt(what) & MAX_SIZE32;
            size = zip64 ? readLong(what) : readInt(what) & MAX_SIZE32;
        }
        if (actual.getValue() != crc) {
            throw new BrokenFileException(what + " has CRC-32 " + String.format("%08x", actual.getValue())
                    + " but the archive records " + String.format("%08x", crc) + " (entry ends at byte " + in.position()
                    + "); its content is corrupt");
        }
        if (produced != size) {
            throw new BrokenFileException(what + " decompresses to " + produced + " bytes but the archive records "
                    + size + " (byte " + in.position() + ")");
        }
        remember(crc, headerAt);
    }

    private long inflate(CRC32 crc, String what) throws IOException {
        Inflater inflater = new Inflater(true);
        long produced = 0;
        int lastLength = 0;
        try {
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    int n = in.readChunk(buffer.length, "the compressed data of " + what);
                    inflater.setInput(buffer, 0, n);
                    lastLength = n;
                }
                int got = inflater.inflate(out);
                crc.update(out, 0, got);
                produced += got;
                if (got == 0 && inflater.needsDictionary()) {
                    throw new BrokenFileException(what + " needs a preset dictionary; corrupt");
                }
            }
            int left = inflater.getRemaining();
            if (left > 0) {
                in.unread(lastLength, left);
            }
        } catch (DataFormatException e) {
            throw new BrokenFileException(what + " does not decompress (" + e.getMessage() + ") near byte "
                    + in.position() + "; its content is corrupt");
        } finally {
            inflater.end();
        }
        return produced;
    }

    private long decompress(int method, long compressed, CRC32 crc, String what) throws IOException {
        long start = in.position();
        InputStream bounded = new Bounded(in.stream(), compressed);
        try (InputStream data = method == 9 ? new Deflate64CompressorInputStream(bounded)
                : new BZip2CompressorInputStream(bounded)) {
            long produced = 0;
            int n;
            while ((n = data.read(out)) >= 0) {
                crc.update(out, 0, n);
                produced += n;
            }
            return produced;
        } catch (IOException e) {
            if (e instanceof BrokenFileException) {
                throw e;
            }
            throw new BrokenFileException(what + " does not decompress (" + e.getMessage() + ") within bytes "
                    + start + " to " + (start + compressed) + "; its content is corrupt");
        } finally {
            in.advanced(compressed);
        }
    }

    private long copy(long length, CRC32 crc, String what) throws IOException {
        long left = length;
        while (left > 0) {
            int n = in.readChunk(left, "the data of " + what);
            crc.update(buffer, 0, n);
            left -= n;
        }
        return length;
    }

    private void readCentral(long index, long centralAt) throws IOException {
        String where = "central directory record " + (index + 1);
        skip(12, where);
        long crc = readInt(where) & MAX_SIZE32;
        skip(8, where);
        int nameLength = readShort(where);
        int extraLength = readShort(where);
        int commentLength = readShort(where);
        skip(8, where);
        long offset = readInt(where) & MAX_SIZE32;
        String name = new String(readBytes(nameLength, where), StandardCharsets.UTF_8);
        byte[] extra = readBytes(extraLength, where);
        skip(commentLength, where);
        if (offset == MAX_SIZE32) {
            offset = zip64Offset(extra, offset);
        }
        if (index >= entries) {
            return;
        }
        if (crcs[(int) index] != crc || offset != offsets[(int) index]) {
            throw new BrokenFileException("the zip central directory's record for '" + name + "' (byte "
                    + centralAt + " onwards) does not match its entry; the archive is corrupt");
        }
    }

    /** The local header offset from a zip64 extra field, which holds only the values that overflowed. */
    private static long zip64Offset(byte[] extra, long fallback) {
        for (int at = 0; at + 4 <= extra.length;) {
            int id = (extra[at] & 0xff) | (extra[at + 1] & 0xff) << 8;
            int length = (extra[at + 2] & 0xff) | (extra[at + 3] & 0xff) << 8;
            if (id == 1 && length >= 8 && at + 4 + length <= extra.length) {
                return littleEndian(extra, at + 4 + length - 8, 8);
            }
            at += 4 + length;
        }
        return fallback;
    }

    private void readEnd(long listed, long centralAt) throws IOException {
        String where = "the end of the central directory";
        skip(6, where);
        int total = readShort(where);
        skip(4, where);
        long offset = readInt(where) & MAX_SIZE32;
        skip(readShort(where), where);
        if (total != 0xffff && total != (listed & 0xffff)) {
            throw new BrokenFileException("the zip end record counts " + total + " entries but the central "
                    + "directory lists " + listed + "; the archive is corrupt");
        }
        if (offset != MAX_SIZE32 && offset != centralAt) {
            throw new BrokenFileException("the zip end record puts the central directory at byte " + offset
                    + " but it is at byte " + centralAt + "; the archive is corrupt");
        }
    }

    private void remember(long crc, long headerAt) {
        if (entries == crcs.length) {
            crcs = java.util.Arrays.copyOf(crcs, crcs.length * 2);
            offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
        }
        crcs[(int) entries] = crc;
        offsets[(int) entries] = headerAt;
        entries++;
    }

    private int readInt(String where) throws IOException {
        byte[] b = readBytes(4, where);
        return (int) littleEndian(b, 0, 4);
    }

    private long readLong(String where) throws IOException {
        return littleEndian(readBytes(8, where), 0, 8);
    }

    private int readShort(String where) throws IOException {
        return (int) littleEndian(readBytes(2, where), 0, 2);
    }

    private byte[] readBytes(int count, String where) throws IOException {
        return in.readBytes(count, where);
    }

    private void skip(long count, String where) throws IOException {
        in.skip(count, where);
    }

    /** At most a given number of bytes of a stream, without closing it. */
    private static final class Bounded extends java.io.FilterInputStream {
        private long left;

        Bounded(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(bytes, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {
        }
    }

    private static long littleEndian(byte[] bytes, int at, int count) {
        return PositionedInput.littleEndian(bytes, at, count);
    }
}
