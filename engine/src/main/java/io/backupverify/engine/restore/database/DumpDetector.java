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
            return Files.isRegularFile(toc, LinkOption.NOFOLLOW_LINKS) && startsWith(head(toc, false), PGDMP)
                    ? Optional.of(DumpFormat.POSTGRES_DIRECTORY) : Optional.empty();
        }
        byte[] raw = head(dump, false);
        if (startsWith(raw, PGDMP)) {
            return Optional.of(DumpFormat.POSTGRES_CUSTOM);
        }
        if (isPgTar(raw)) {
            return Optional.of(DumpFormat.POSTGRES_TAR);
        }
        byte[] text = isGzip(raw) ? head(dump, true) : raw;
        return sqlFormat(new String(text, StandardCharsets.UTF_8));
    }

    /** Whether the file begins with the gzip magic. */
    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    static boolean isGzip(Path file) throws IOException {
        return isGzip(head(file, false));
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

    private static byte[] head(Path file, boolean gunzip) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = gunzip ? new GZIPInputStream(raw) : raw) {
            return in.readNBytes(HEAD_BYTES);
        } catch (java.io.EOFException e) {
            return new byte[0];
        }
    }
}
