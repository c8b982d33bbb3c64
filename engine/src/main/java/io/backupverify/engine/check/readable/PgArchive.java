package io.backupverify.engine.check.readable;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a pg_dump archive as pg_restore does: the header and table of contents (what {@code pg_restore --list}
 * prints), then, for the custom format, every data block to the end of the file. Each entry with data must have
 * its block, at the offset the table of contents gives when pg_dump could record it; zlib-compressed blocks are
 * inflated to check them. For the directory format's {@code toc.dat} every data file it names must be present
 * beside it. The layout follows pg_dump's archive versions 1.12 (PostgreSQL 11) to 1.16 (PostgreSQL 17).
 */
final class PgArchive {
    private static final int MIN_VERSION = 0x010c00;
    private static final int MAX_VERSION = 0x0110ff;
    private static final int V_1_14 = 0x010e00;
    private static final int V_1_15 = 0x010f00;
    private static final int V_1_16 = 0x011000;
    private static final int FORMAT_CUSTOM = 1;
    private static final int FORMAT_TAR = 3;
    private static final int FORMAT_DIRECTORY = 5;
    private static final int OFFSET_NOT_SET = 1;
    private static final int OFFSET_SET = 2;
    private static final int OFFSET_NO_DATA = 3;
    private static final int BLOCK_DATA = 1;
    private static final int BLOCK_BLOBS = 3;
    private static final int MAX_ENTRIES = 50_000_000;
    private static final int KEPT_STRING_BYTES = 4096;
    /** Bytes read from the end of an uncompressed data file to find its end-of-data line. */
    private static final int COPY_END_WINDOW = 64;

    private final PositionedInput in;
    private final byte[] buffer;
    private final byte[] out = new byte[64 << 10];
    private int version;
    private int intSize;
    private int offSize;
    private int format;
    private boolean zlib;

    /** A table-of-contents entry that has data, by dump id; {@code copyData} when it is COPY rows. */
    private record DataEntry(String label, int offsetState, long offset, String fileName, boolean copyData) {
    }

    PgArchive(InputStream in, byte[] buffer) {
        this.in = new PositionedInput(in, buffer);
        this.buffer = buffer;
    }

    /** Thrown when the archive is of a version or kind this reader does not know: not checked, not broken. */
    static final class UnsupportedArchiveException extends IOException {
        private static final long serialVersionUID = 1L;

        UnsupportedArchiveException(String message) {
            super(message);
        }
    }

    /**
     * @param siblings for a directory-format {@code toc.dat}: the files in the same folder
     */
    String read(Siblings siblings) throws IOException {
        try {
            readHeader();
            Map<Integer, DataEntry> withData = readToc();
            if (format == FORMAT_CUSTOM) {
                int blocks = readDataBlocks(withData);
                return "pg_dump custom archive, " + withData.size() + " data entries in " + blocks + " blocks";
            }
            if (in.readOrEnd() >= 0) {
                throw new BrokenFileException("unexpected data after the table of contents at byte "
                        + (in.position() - 1));
            }
            // pg_dump writes the directory format's toc.dat with the tar format's code (3); a tar-format dump's
            // toc.dat only exists inside its tar. Either way the data files it names sit beside it.
            checkDataFiles(withData, siblings);
            return "pg_dump directory toc.dat, " + withData.size() + " data entries";
        } catch (EOFException e) {
            throw new BrokenFileException("the pg_dump archive ends at byte " + in.position() + " in the middle of "
                    + e.getMessage() + "; it was cut short");
        }
    }

    private void readHeader() throws IOException {
        byte[] magic = in.readBytes(5, "its header");
        if (!new String(magic, StandardCharsets.US_ASCII).equals("PGDMP")) {
            throw new BrokenFileException("not a pg_dump archive");
        }
        int major = readByte("its header");
        int minor = readByte("its header");
        int revision = readByte("its header");
        version = (major << 16) | (minor << 8) | revision;
        String versionText = major + "." + minor + "." + revision;
        if (version < MIN_VERSION || version > MAX_VERSION) {
            throw new UnsupportedArchiveException("pg_dump archive version " + versionText
                    + " is outside the versions this check reads (1.12 to 1.16)");
        }
        intSize = readByte("its header");
        offSize = readByte("its header");
        if (intSize < 1 || intSize > 8 || offSize < 1 || offSize > 8) {
            throw new BrokenFileException("pg_dump archive header has impossible integer sizes (" + intSize + ", "
                    + offSize + ")");
        }
        format = readByte("its header");
        if (format != FORMAT_CUSTOM && format != FORMAT_TAR && format != FORMAT_DIRECTORY) {
            throw new BrokenFileException("pg_dump archive header names an unknown format (" + format + ")");
        }
        if (version >= V_1_15) {
            zlib = readByte("its header") == 1;
        } else {
            long level = readInt("its header");
            zlib = level != 0;
        }
        for (int i = 0; i < 7; i++) {
            readInt("its header");
        }
        for (int i = 0; i < 3; i++) {
            readString("its header");
        }
    }

    private Map<Integer, DataEntry> readToc() throws IOException {
        long count = readInt("its table of contents");
        if (count < 0 || count > MAX_ENTRIES) {
            throw new BrokenFileException("pg_dump table of contents claims " + count + " entries; corrupt header");
        }
        Map<Integer, DataEntry> withData = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            String where = "table-of-contents entry " + (i + 1) + " of " + count;
            int dumpId = (int) readInt(where);
            readInt(where);
            readString(where);
            readString(where);
            String tag = readString(where);
            String desc = readString(where);
            readInt(where);
            readString(where);
            readString(where);
            String copyStatement = readString(where);
            readString(where);
            readString(where);
            if (version >= V_1_14) {
                readString(where);
            }
            if (version >= V_1_16) {
                readInt(where);
            }
            readString(where);
            readString(where);
            while (readString(where) != null) {
                // dependencies, ended by a null string
            }
            String label = desc + " " + tag;
            if (format == FORMAT_CUSTOM) {
                int state = readByte(where);
                long offset = readOffset(where);
                if (state != OFFSET_NO_DATA) {
                    if (state != OFFSET_SET && state != OFFSET_NOT_SET) {
                        throw new BrokenFileException("pg_dump table-of-contents entry " + dumpId
                                + " has an unknown data state " + state + " (byte " + in.position() + ")");
                    }
                    withData.put(dumpId, new DataEntry(label, state, offset, null, false));
                }
            } else {
                String fileName = readString(where);
                if (fileName != null && !fileName.isEmpty()) {
                    withData.put(dumpId, new DataEntry(label, OFFSET_NOT_SET, 0, fileName,
                            copyStatement != null && !copyStatement.isEmpty()));
                }
            }
        }
        return withData;
    }

    private int readDataBlocks(Map<Integer, DataEntry> withData) throws IOException {
        Map<Integer, DataEntry> missing = new LinkedHashMap<>(withData);
        int blocks = 0;
        while (true) {
            long blockAt = in.position();
            int type = in.readOrEnd();
            if (type < 0) {
                break;
            }
            int dumpId = (int) readInt("a data block header");
            DataEntry entry = missing.remove(dumpId);
            if (type != BLOCK_DATA && type != BLOCK_BLOBS || entry == null) {
                throw new BrokenFileException("pg_dump archive has an unexpected data block at byte " + blockAt
                        + " (type " + type + ", entry " + dumpId + "); it is corrupt there");
            }
            if (entry.offsetState() == OFFSET_SET && entry.offset() != blockAt) {
                throw new BrokenFileException("the data of " + entry.label() + " starts at byte " + blockAt
                        + " but the table of contents says byte " + entry.offset() + "; the archive is corrupt");
            }
            String what = "the data of " + entry.label();
            if (type == BLOCK_DATA) {
                readChunks(what);
            } else {
                long oid;
                while ((oid = readInt(what)) != 0) {
                    readChunks(what + " (large object " + oid + ")");
                }
            }
            blocks++;
        }
        if (!missing.isEmpty()) {
            DataEntry first = missing.values().iterator().next();
            throw new BrokenFileException("the pg_dump archive ends at byte " + in.position() + " without the data of "
                    + missing.size() + " of " + withData.size() + " entries (first: " + first.label()
                    + "); it was cut short");
        }
        return blocks;
    }

    private void readChunks(String what) throws IOException {
        Inflater inflater = zlib ? new Inflater() : null;
        try {
            long length;
            while ((length = readInt(what)) != 0) {
                if (length < 0) {
                    throw new BrokenFileException(what + " has a chunk of negative length at byte " + in.position());
                }
                long left = length;
                while (left > 0) {
                    int n = in.readChunk(left, what);
                    left -= n;
                    if (inflater != null) {
                        inflate(inflater, n, what);
                    }
                }
            }
            if (inflater != null && !inflater.finished()) {
                throw new BrokenFileException(what + " ends at byte " + in.position()
                        + " before its compressed stream does; the archive is corrupt there");
            }
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    private void inflate(Inflater inflater, int length, String what) throws BrokenFileException {
        if (inflater.finished()) {
            throw new BrokenFileException(what + " has data after the end of its compressed stream (byte "
                    + in.position() + ")");
        }
        inflater.setInput(buffer, 0, length);
        try {
            while (!inflater.needsInput() && !inflater.finished()) {
                inflater.inflate(out);
            }
        } catch (DataFormatException e) {
            throw new BrokenFileException(what + " does not decompress (" + e.getMessage() + ") near byte "
                    + in.position() + "; the archive is corrupt there");
        }
    }

    private void checkDataFiles(Map<Integer, DataEntry> withData, Siblings siblings) throws IOException {
        for (DataEntry entry : withData.values()) {
            String name = entry.fileName();
            if (siblings.exists(name)) {
                if (entry.copyData()) {
                    checkCopyDataEnd(entry, siblings.tail(name, COPY_END_WINDOW));
                }
            } else if (!siblings.exists(name + ".gz") && !siblings.exists(name + ".lz4")
                    && !siblings.exists(name + ".zst")) {
                throw new BrokenFileException("toc.dat names the data file " + name + " for " + entry.label()
                        + ", which is not in the dump's folder");
            }
        }
    }

    /**
     * An uncompressed data file ({@code pg_dump -Fd -Z0}) carries no checksum or length: pg_dump ends its COPY rows
     * with the line {@code \.} (then blank lines), so a file without it was cut short, even at the end of a row.
     * Compressed data files are read as gzip, lz4 or zstd files, whose streams have their own end.
     */
    private static void checkCopyDataEnd(DataEntry entry, byte[] tail) throws BrokenFileException {
        int end = tail.length;
        while (end > 0 && tail[end - 1] == '\n') {
            end--;
        }
        boolean ended = end >= 2 && tail[end - 2] == '\\' && tail[end - 1] == '.'
                && (end == 2 || tail[end - 3] == '\n');
        if (!ended) {
            throw new BrokenFileException("the data file " + entry.fileName() + " of " + entry.label()
                    + " does not end with pg_dump's end-of-data line (\\.): it was cut short");
        }
    }

    private int readByte(String where) throws IOException {
        return in.readByte(where);
    }

    /** pg_dump's integer: a sign byte, then intSize bytes, least significant first. */
    private long readInt(String where) throws IOException {
        int sign = readByte(where);
        long value = 0;
        for (int i = 0; i < intSize; i++) {
            value |= (long) readByte(where) << (8 * i);
        }
        return sign == 0 ? value : -value;
    }

    private long readOffset(String where) throws IOException {
        long value = 0;
        for (int i = 0; i < offSize; i++) {
            value |= (long) readByte(where) << (8 * i);
        }
        return value;
    }

    /** A length-prefixed string (null for length -1); long strings are skipped and returned as "". */
    private String readString(String where) throws IOException {
        long length = readInt(where);
        if (length < 0) {
            return null;
        }
        if (length <= KEPT_STRING_BYTES) {
            return new String(in.readBytes((int) length, where), StandardCharsets.UTF_8);
        }
        in.skip(length, where);
        return "";
    }
}
