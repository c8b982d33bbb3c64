package io.backupverify.engine.check.readable;

import io.backupverify.engine.format.TarHeader;
import io.backupverify.engine.format.TarPadding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Walks a tar archive from header to header to its end-of-archive marker (a block of zeros), checking each
 * header's checksum and that every entry's data is there. Understands POSIX ustar and pax (a pax {@code size}
 * overrides the header's), GNU long names and old GNU sparse headers, and v7 archives. Entry data is skipped, not
 * interpreted: tar keeps no checksum of it.
 */
final class TarWalker {
    static final int BLOCK = TarHeader.BLOCK;
    private static final int MAX_PAX_BYTES = 1 << 20;

    private final InputStream in;
    private final boolean seekable;
    private final byte[] block = new byte[BLOCK];
    private final byte[] skipBuffer;
    private long position;
    private long entries;

    /**
     * @param seekable whether skipping the input is cheaper than reading it (a file, not a decompressing stream,
     *                 whose skip would read in small steps)
     */
    TarWalker(InputStream in, boolean seekable, byte[] skipBuffer) {
        this.in = in;
        this.seekable = seekable;
        this.skipBuffer = skipBuffer;
    }

    /** Reads to the end-of-archive marker; returns what was found, such as "tar, 12 entries". */
    String walk() throws IOException {
        long paxSize = -1;
        while (true) {
            int got = readBlock();
            if (got == 0) {
                throw new BrokenFileException("the tar archive ends after " + entries(entries) + " at byte " + position
                        + " without its end-of-archive marker; it was cut short");
            }
            if (got < BLOCK) {
                throw new BrokenFileException("the tar archive is cut short inside the header of entry "
                        + (entries + 1) + " (byte " + position + ")");
            }
            if (isZeros(block)) {
                checkAfterEnd(position - BLOCK);
                return "tar, " + entries(entries);
            }
            long headerAt = position - BLOCK;
            if (!TarHeader.checksumMatches(block)) {
                throw new BrokenFileException("tar header at byte " + headerAt + " (entry " + (entries + 1)
                        + ") has a wrong checksum; the archive is corrupt there");
            }
            String name = name(block);
            char type = (char) block[156];
            long size = size(block, headerAt);
            if (type == 'S' && block[482] != 0) {
                skipSparseExtensions();
            }
            if (paxSize >= 0 && type != 'x' && type != 'g') {
                size = paxSize;
                paxSize = -1;
            }
            if (!hasData(type)) {
                size = 0;
            }
            if (type == 'x') {
                paxSize = readPaxSize(size, name);
            } else {
                skipData(size, name);
            }
            if (type != 'x' && type != 'g' && type != 'L' && type != 'K') {
                entries++;
            }
        }
    }

    /** Reads what follows the end-of-archive marker: only zeros, no more than {@link TarPadding} allows. */
    private void checkAfterEnd(long marker) throws IOException {
        TarPadding.Trailer trailer = TarPadding.read(in, position, skipBuffer);
        position = trailer.end();
        if (trailer.dataAt() >= 0) {
            throw new BrokenFileException("the tar archive holds data at byte " + trailer.dataAt() + " after "
                    + "the end-of-archive marker at byte " + marker + ", where tar stops reading: the "
                    + entries(entries) + " before it are all tar lists or extracts (blocks zeroed inside the "
                    + "archive, or a second archive appended, which only tar --ignore-zeros reads)");
        }
        if (!trailer.isPadding(marker)) {
            throw new BrokenFileException("the tar archive ends after " + entries(entries) + " at byte " + marker
                    + " and is followed by " + (position - marker) + " zero bytes, more than tar pads an archive "
                    + "with: the rest of it was zeroed or never written (a crash after its space was allocated, a "
                    + "copy that preallocated it); tar lists only those entries and exits 0");
        }
    }

    private static boolean hasData(char type) {
        return type < '1' || type > '6';
    }

    private void skipSparseExtensions() throws IOException {
        do {
            if (readBlock() < BLOCK) {
                throw new BrokenFileException("the tar archive is cut short inside a sparse-file header (byte "
                        + position + ")");
            }
        } while (block[504] != 0);
    }

    private long readPaxSize(long size, String name) throws IOException {
        if (size > MAX_PAX_BYTES) {
            throw new BrokenFileException("pax header '" + name + "' at byte " + (position - BLOCK) + " claims "
                    + size + " bytes; not a believable pax header");
        }
        byte[] data = new byte[(int) padded(size)];
        int got = in.readNBytes(data, 0, data.length);
        position += got;
        if (got < data.length) {
            throw new BrokenFileException("the tar archive is cut short inside a pax header (byte " + position + ")");
        }
        long found = -1;
        String text = new String(data, 0, (int) size, StandardCharsets.UTF_8);
        for (String record : text.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("size=", space + 1)) {
                try {
                    found = Long.parseLong(record.substring(space + 6).trim());
                } catch (NumberFormatException e) {
                    throw new BrokenFileException("pax header at byte " + (position - data.length - BLOCK)
                            + " has a size that is not a number");
                }
            }
        }
        return found;
    }

    private void skipData(long size, String name) throws IOException {
        long wanted = padded(size);
        long left = wanted;
        while (left > 0) {
            long skipped = seekable ? in.skip(left) : 0;
            if (skipped <= 0) {
                int n = in.read(skipBuffer, 0, (int) Math.min(skipBuffer.length, left));
                if (n < 0) {
                    break;
                }
                skipped = n;
            }
            left -= skipped;
            position += skipped;
        }
        if (left > 0) {
            long had = Math.min(size, wanted - left);
            throw new BrokenFileException("the tar archive is cut short inside entry '" + name + "': " + had + " of "
                    + size + " bytes present (archive ends at byte " + position + ")");
        }
    }

    private int readBlock() throws IOException {
        int got = in.readNBytes(block, 0, BLOCK);
        position += got;
        return got;
    }

    private long size(byte[] header, long headerAt) throws BrokenFileException {
        if ((header[124] & 0x80) != 0) {
            long value = header[124] & 0x7f;
            for (int i = 125; i < 136; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        long value = TarHeader.octal(header, 124, 136);
        if (value < 0) {
            throw new BrokenFileException("tar header at byte " + headerAt + " has a size that is not a number");
        }
        return value;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static boolean isZeros(byte[] header) {
        for (byte b : header) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String name(byte[] header) {
        int end = 0;
        while (end < 100 && header[end] != 0) {
            end++;
        }
        return new String(header, 0, end, StandardCharsets.UTF_8);
    }

    private static String entries(long count) {
        return count + (count == 1 ? " entry" : " entries");
    }
}
