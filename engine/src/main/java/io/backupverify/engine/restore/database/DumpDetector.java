package io.backupverify.engine.restore.database;

import io.backupverify.engine.format.ContentFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Which dump a restore test has before it, from its content ({@link ContentFormat}, the detector the readable check
 * and the archive restore use too), never from its name alone: what pg_restore or the SQL clients accept of it.
 */
public final class DumpDetector {
    private static final byte[] PGDMP = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    static final String TOC = "toc.dat";

    private DumpDetector() {
    }

    /** The format of a dump file or folder, or empty when it is none that a restore test understands. */
    public static Optional<DumpFormat> detect(Path dump) throws IOException {
        if (Files.isDirectory(dump, LinkOption.NOFOLLOW_LINKS)) {
            Path toc = dump.resolve(TOC);
            return Files.isRegularFile(toc, LinkOption.NOFOLLOW_LINKS) && isToc(head(toc))
                    ? Optional.of(DumpFormat.POSTGRES_DIRECTORY) : Optional.empty();
        }
        return detect(head(dump));
    }

    /** The format of a dump file from its first bytes ({@link #headBytes()} or fewer when it is shorter). */
    public static Optional<DumpFormat> detect(byte[] head) {
        ContentFormat format = ContentFormat.detect(head, head.length);
        if (format == ContentFormat.GZIP) {
            // SQL dumps are restored through gzip (SqlFeeder); pg_restore reads no compressed archive files
            byte[] text = gunzipStart(head);
            return sqlDump(ContentFormat.detect(text, text.length));
        }
        return switch (format) {
            case PG_ARCHIVE -> Optional.of(DumpFormat.POSTGRES_CUSTOM);
            case TAR -> isPgTar(head) ? Optional.of(DumpFormat.POSTGRES_TAR) : Optional.empty();
            default -> sqlDump(format);
        };
    }

    private static Optional<DumpFormat> sqlDump(ContentFormat format) {
        return switch (format) {
            case PG_SQL -> Optional.of(DumpFormat.POSTGRES_PLAIN);
            case MYSQL_SQL -> Optional.of(DumpFormat.MYSQL_SQL);
            default -> Optional.empty();
        };
    }

    /** Whether a file (or its gzip-compressed content) begins as {@code pg_dumpall}'s cluster dump. */
    static boolean isClusterDump(byte[] head) {
        ContentFormat format = ContentFormat.detect(head, head.length);
        if (format == ContentFormat.GZIP) {
            byte[] text = gunzipStart(head);
            format = ContentFormat.detect(text, text.length);
        }
        return format == ContentFormat.PG_CLUSTER_SQL;
    }

    /** Whether a directory-format dump's {@code toc.dat} begins like one. */
    static boolean isToc(byte[] head) {
        return ContentFormat.detect(head, head.length) == ContentFormat.PG_ARCHIVE;
    }

    /** Whether the file begins with the gzip magic. */
    static boolean isGzip(byte[] head) {
        return ContentFormat.detect(head, head.length) == ContentFormat.GZIP;
    }

    /** How many bytes of a file {@link #detect(byte[])} wants. */
    public static int headBytes() {
        return ContentFormat.HEAD_BYTES;
    }

    private static byte[] gunzipStart(byte[] compressed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] buffer = new byte[1024];
            int n;
            while (out.size() < ContentFormat.HEAD_BYTES && (n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the start of a longer stream, or a broken one: what was decompressed is all there is to look at
        }
        return out.toByteArray();
    }

    /** A pg_dump tar archive: a ustar header whose first member is {@code toc.dat} holding a PGDMP header. */
    private static boolean isPgTar(byte[] head) {
        if (head.length < 512 + PGDMP.length) {
            return false;
        }
        String name = new String(head, 0, 100, StandardCharsets.US_ASCII).split("\0", 2)[0];
        String magic = new String(head, 257, 5, StandardCharsets.US_ASCII);
        return name.equals(TOC) && magic.equals("ustar")
                && Arrays.equals(Arrays.copyOfRange(head, 512, 512 + PGDMP.length), PGDMP);
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ContentFormat.HEAD_BYTES);
        }
    }
}
