package io.backupverify.engine.restore.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** Tells a dump's format from its content (magic bytes and header lines), never from its name alone. */
public final class DumpDetector {
    private static final byte[] PGDMP = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private static final int HEAD_BYTES = 4096;
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

    /** The format of a dump file from its first bytes ({@value #HEAD_BYTES} or fewer when it is shorter). */
    public static Optional<DumpFormat> detect(byte[] head) {
        if (startsWith(head, PGDMP)) {
            return Optional.of(DumpFormat.POSTGRES_CUSTOM);
        }
        if (isPgTar(head)) {
            return Optional.of(DumpFormat.POSTGRES_TAR);
        }
        byte[] text = isGzip(head) ? gunzipStart(head) : head;
        return sqlFormat(new String(text, StandardCharsets.UTF_8));
    }

    /** Whether a directory-format dump's {@code toc.dat} begins like one. */
    static boolean isToc(byte[] head) {
        return startsWith(head, PGDMP);
    }

    /** How many bytes of a file {@link #detect(byte[])} wants. */
    public static int headBytes() {
        return HEAD_BYTES;
    }

    private static byte[] gunzipStart(byte[] compressed) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            byte[] buffer = new byte[1024];
            int n;
            while (out.size() < HEAD_BYTES && (n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the start of a longer stream, or a broken one: what was decompressed is all there is to look at
        }
        return out.toByteArray();
    }

    /** Whether the file begins with the gzip magic. */
    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    private static Optional<DumpFormat> sqlFormat(String head) {
        for (String line : head.split("\n", 40)) {
            String trimmed = line.strip();
            if (trimmed.equals("-- PostgreSQL database dump")) {
                return Optional.of(DumpFormat.POSTGRES_PLAIN);
            }
            if (trimmed.startsWith("-- MySQL dump") || trimmed.startsWith("-- MariaDB dump")) {
                return Optional.of(DumpFormat.MYSQL_SQL);
            }
        }
        return Optional.empty();
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

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }
}
