package io.backupverify.engine.format;

import java.nio.charset.StandardCharsets;

/**
 * File formats told by content (their first bytes), never by name: what the readable check reads, the archive restore
 * extracts and the database restore test restores (through {@code restore.database.DumpDetector}).
 */
public enum ContentFormat {
    GZIP("gzip", true),
    ZSTD("zstd", true),
    XZ("xz", true),
    BZIP2("bzip2", true),
    LZ4("lz4", true),
    TAR("tar", false),
    ZIP("zip", false),
    PG_ARCHIVE("pg_dump archive", false),
    PG_SQL("pg_dump SQL", false),
    PG_CLUSTER_SQL("pg_dumpall SQL", false),
    MYSQL_SQL("mysqldump SQL", false),
    EMPTY("empty", false),
    UNKNOWN("unknown", false);

    /** Bytes looked at to tell the format: the tar magic sits at 257, SQL headers may follow a sandbox line. */
    public static final int HEAD_BYTES = 2048;
    private static final int SQL_HEADER_LINES = 40;

    private final String label;
    private final boolean compression;

    ContentFormat(String label, boolean compression) {
        this.label = label;
        this.compression = compression;
    }

    public String label() {
        return label;
    }

    /** A compressed stream (gzip, zstd, xz, bzip2, lz4) with another format inside. */
    public boolean isCompression() {
        return compression;
    }

    /** The format of content that begins with {@code head[0..length)}; at least 512 bytes to tell a tar. */
    public static ContentFormat detect(byte[] head, int length) {
        if (length == 0) {
            return EMPTY;
        }
        if (startsWith(head, length, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (startsWith(head, length, 0x28, 0xb5, 0x2f, 0xfd)) {
            return ZSTD;
        }
        if (startsWith(head, length, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
            return XZ;
        }
        if (startsWith(head, length, 'B', 'Z', 'h') && length > 3 && head[3] >= '1' && head[3] <= '9') {
            return BZIP2;
        }
        if (startsWith(head, length, 0x04, 0x22, 0x4d, 0x18)) {
            return LZ4;
        }
        if (startsWith(head, length, 'P', 'K', 0x03, 0x04) || startsWith(head, length, 'P', 'K', 0x05, 0x06)
                || startsWith(head, length, 'P', 'K', 0x07, 0x08)) {
            return ZIP;
        }
        if (startsWith(head, length, 'P', 'G', 'D', 'M', 'P')) {
            return PG_ARCHIVE;
        }
        if (TarHeader.looksLikeTar(head, length)) {
            return TAR;
        }
        return sqlDump(new String(head, 0, length, StandardCharsets.ISO_8859_1));
    }

    /**
     * An SQL dump by its tool's header line among the first lines, surrounding blanks and CRs aside: pg_dump and
     * pg_dumpall put theirs second, after "--"; mysqldump first; newer mariadb-dump after a sandbox-mode comment.
     */
    private static ContentFormat sqlDump(String head) {
        for (String line : head.split("\n", SQL_HEADER_LINES)) {
            String trimmed = line.strip();
            if (trimmed.equals("-- PostgreSQL database dump")) {
                return PG_SQL;
            }
            if (trimmed.equals("-- PostgreSQL database cluster dump")) {
                return PG_CLUSTER_SQL;
            }
            if (trimmed.startsWith("-- MySQL dump") || trimmed.startsWith("-- MariaDB dump")) {
                return MYSQL_SQL;
            }
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
