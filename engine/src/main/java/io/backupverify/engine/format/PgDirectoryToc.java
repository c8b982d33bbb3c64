package io.backupverify.engine.format;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of contents ({@code toc.dat}) of a {@code pg_dump -Fd} directory-format dump, read as far as it names the
 * dump's other files: each entry with data (a table's rows, the large objects) names the file in the folder that
 * holds them ({@code 3346.dat}, {@code blobs.toc}), which pg_dump writes compressed with a suffix ({@code .gz},
 * {@code .lz4}, {@code .zst}) or without. The format is pg_dump's archive header followed by the entries (archive
 * versions 1.12 to 1.16, as pg_dump of PostgreSQL 9.0 to 17 writes them; another version is not read).
 */
public final class PgDirectoryToc {
    private static final int FIRST_VERSION = version(1, 12);
    private static final int LAST_VERSION = version(1, 16);
    private static final int DIRECTORY_FORMAT = 3;
    /** The suffixes pg_restore tries after the name the TOC gives. */
    public static final List<String> DATA_SUFFIXES = List.of("", ".gz", ".lz4", ".zst");

    private final List<String> dataFiles;
    private final int entries;

    private PgDirectoryToc(List<String> dataFiles, int entries) {
        this.dataFiles = List.copyOf(dataFiles);
        this.entries = entries;
    }

    /** The TOC cannot be read: cut short, damaged, or not a directory-format TOC. */
    public static final class Unreadable extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean newer;

        Unreadable(String message, boolean newer) {
            super(message);
            this.newer = newer;
        }

        /** Whether it is only newer than this reader knows (which says nothing against the dump). */
        public boolean newerVersion() {
            return newer;
        }
    }

    /** The data file names the entries give, in TOC order, without compression suffix. */
    public List<String> dataFiles() {
        return dataFiles;
    }

    public int entries() {
        return entries;
    }

    /** Reads a {@code toc.dat}; the stream is read to the end of the last entry, not closed. */
    public static PgDirectoryToc read(InputStream stream) throws IOException {
        Reader in = new Reader(new BufferedInputStream(stream, 1 << 16));
        try {
            byte[] magic = in.bytes(5);
            if (!new String(magic, StandardCharsets.US_ASCII).equals("PGDMP")) {
                throw new Unreadable("toc.dat does not begin with PGDMP", false);
            }
            int major = in.byteValue();
            int minor = in.byteValue();
            in.byteValue();
            int version = version(major, minor);
            if (version > LAST_VERSION) {
                throw new Unreadable("toc.dat is of archive version " + major + "." + minor
                        + ", newer than this check reads (1.16)", true);
            }
            if (version < FIRST_VERSION) {
                throw new Unreadable("toc.dat is of archive version " + major + "." + minor
                        + ", older than this check reads (1.12)", true);
            }
            in.intSize = in.byteValue();
            if (in.intSize < 1 || in.intSize > 8) {
                throw new Unreadable("toc.dat gives an integer size of " + in.intSize, false);
            }
            in.byteValue(); // offset size
            int format = in.byteValue();
            if (format != DIRECTORY_FORMAT) {
                throw new Unreadable("toc.dat is not of a directory-format dump (format " + format + ")", false);
            }
            if (version >= version(1, 15)) {
                in.byteValue(); // compression algorithm
            } else {
                in.intValue(); // compression level
            }
            for (int i = 0; i < 7; i++) {
                in.intValue(); // creation time
            }
            in.string(); // database
            in.string(); // server version
            in.string(); // pg_dump version
            int count = in.intValue();
            if (count < 0) {
                throw new Unreadable("toc.dat gives " + count + " entries", false);
            }
            List<String> files = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int id = in.intValue();
                if (id <= 0) {
                    throw new Unreadable("toc.dat entry " + (i + 1) + " has the id " + id + ": damaged", false);
                }
                in.intValue(); // had a data dumper
                in.string(); // table oid
                in.string(); // oid
                in.string(); // tag
                in.string(); // description
                in.intValue(); // section
                in.string(); // definition
                in.string(); // drop statement
                in.string(); // copy statement
                in.string(); // schema
                in.string(); // tablespace
                if (version >= version(1, 14)) {
                    in.string(); // table access method
                }
                if (version >= version(1, 16)) {
                    in.intValue(); // relation kind
                }
                in.string(); // owner
                in.string(); // with oids
                while (in.string() != null) {
                    // dependencies, up to a null
                }
                String file = in.string();
                if (file != null && !file.isEmpty()) {
                    if (file.contains("/") || file.equals("..") || file.equals(".")) {
                        throw new Unreadable("toc.dat names the data file \"" + file + "\" outside its folder",
                                false);
                    }
                    files.add(file);
                }
            }
            return new PgDirectoryToc(files, count);
        } catch (EOFException e) {
            throw new Unreadable("toc.dat is cut short", false);
        }
    }

    /**
     * The large-object files a {@code blobs.toc} names: one line per object, {@code OID FILE}; empty when it is
     * damaged in a way that leaves no name (the restore then fails on it).
     */
    public static List<String> blobFiles(String blobsToc) throws Unreadable {
        List<String> files = new ArrayList<>();
        for (String line : blobsToc.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split(" ", 2);
            if (parts.length != 2 || !parts[0].matches("\\d+") || parts[1].contains("/")) {
                throw new Unreadable("a line of the large-object list is not \"OID FILE\": " + line, false);
            }
            files.add(parts[1]);
        }
        return files;
    }

    /** Whether the TOC's name stands for a list of large objects rather than a table's rows. */
    public static boolean isBlobList(String file) {
        return file.endsWith(".toc");
    }

    private static int version(int major, int minor) {
        return major * 256 + minor;
    }

    /** pg_dump's integers (a sign byte, then {@code intSize} bytes, least significant first) and strings. */
    private static final class Reader {
        private static final int MAX_STRING = 256 << 20;
        private final InputStream in;
        private int intSize = 4;

        Reader(InputStream in) {
            this.in = in;
        }

        int byteValue() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            return b;
        }

        byte[] bytes(int count) throws IOException {
            byte[] bytes = in.readNBytes(count);
            if (bytes.length < count) {
                throw new EOFException();
            }
            return bytes;
        }

        int intValue() throws IOException {
            int sign = byteValue();
            long value = 0;
            for (int i = 0; i < intSize; i++) {
                value |= (long) byteValue() << (8 * i);
            }
            if (value > Integer.MAX_VALUE) {
                throw new Unreadable("toc.dat holds an integer out of range: damaged", false);
            }
            return sign == 0 ? (int) value : -(int) value;
        }

        /** A string, or null for pg_dump's null (length -1). */
        String string() throws IOException {
            int length = intValue();
            if (length < 0) {
                return null;
            }
            if (length > MAX_STRING) {
                throw new Unreadable("toc.dat holds a string of " + length + " bytes: damaged", false);
            }
            return new String(bytes(length), StandardCharsets.UTF_8);
        }
    }
}
