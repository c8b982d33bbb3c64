package io.backupverify.engine.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.restore.database.DumpDetector;
import io.backupverify.engine.restore.database.DumpFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * One detector for the readable check, the archive restore and the database restore test: what it tells by content,
 * and how the database restore test reads the same answer.
 */
class ContentFormatTest {
    private static ContentFormat detect(byte[] head) {
        return ContentFormat.detect(head, head.length);
    }

    private static ContentFormat detect(String text) {
        return detect(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** A ustar header block naming {@code name}, followed by a block that begins with {@code content}. */
    private static byte[] tar(String name, String content) {
        byte[] head = new byte[1024];
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(nameBytes, 0, head, 0, nameBytes.length);
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, head, 257, 5);
        byte[] contentBytes = content.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(contentBytes, 0, head, 512, contentBytes.length);
        return head;
    }

    @Test
    void sqlDumpsAreToldByTheirToolsHeaderLine() {
        assertThat(detect("--\n-- PostgreSQL database dump\n--\n\nSET x = 1;\n")).isEqualTo(ContentFormat.PG_SQL);
        assertThat(detect("--\r\n-- PostgreSQL database dump\r\n--\r\n")).isEqualTo(ContentFormat.PG_SQL);
        assertThat(detect("--\n-- PostgreSQL database cluster dump\n--\n\n--\n-- PostgreSQL database dump\n"))
                .isEqualTo(ContentFormat.PG_CLUSTER_SQL);
        assertThat(detect("-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n"))
                .isEqualTo(ContentFormat.MYSQL_SQL);
        assertThat(detect("/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19-11.4.2-MariaDB\n"))
                .isEqualTo(ContentFormat.MYSQL_SQL);
    }

    @Test
    void aClosingLineOrOtherTextIsNoDumpHeader() {
        assertThat(detect("SELECT 1;\n--\n-- PostgreSQL database dump complete\n--\n")).isEqualTo(ContentFormat.UNKNOWN);
        assertThat(detect("just some notes\n")).isEqualTo(ContentFormat.UNKNOWN);
        assertThat(detect(new byte[0])).isEqualTo(ContentFormat.EMPTY);
    }

    @Test
    void theDatabaseRestoreTestReadsTheSameAnswer() throws IOException {
        assertThat(DumpDetector.detect("--\n-- PostgreSQL database dump\n".getBytes(StandardCharsets.UTF_8)))
                .contains(DumpFormat.POSTGRES_PLAIN);
        assertThat(DumpDetector.detect(gzip("--\n-- PostgreSQL database dump\n"))).contains(DumpFormat.POSTGRES_PLAIN);
        assertThat(DumpDetector.detect(gzip("-- MySQL dump 10.13\n"))).contains(DumpFormat.MYSQL_SQL);
        assertThat(DumpDetector.detect(Arrays.copyOf("PGDMP\u0001\u000e".getBytes(StandardCharsets.US_ASCII), 64)))
                .contains(DumpFormat.POSTGRES_CUSTOM);
        assertThat(DumpDetector.detect(tar("toc.dat", "PGDMP"))).contains(DumpFormat.POSTGRES_TAR);
        // what a restore test cannot restore: a tar of other files, a cluster dump, a compressed custom archive
        assertThat(DumpDetector.detect(tar("orders.csv", "id,total"))).isEmpty();
        assertThat(DumpDetector.detect("--\n-- PostgreSQL database cluster dump\n".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(DumpDetector.detect(gzip("PGDMP\u0001\u000e"))).isEmpty();
        assertThat(DumpDetector.detect("just some notes\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
