package io.backupverify.engine.check.readable;

import static io.backupverify.engine.check.readable.ReadableArea.cut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pg_dump's output in every format, made by Debian's pg_dump from a server started for the test. */
class PgDumpReadableTest {
    private static LocalPostgres server;
    private static Path dumps;

    @TempDir
    Path root;
    private ReadableArea area;
    private Path latest;

    @BeforeAll
    static void dumpADatabaseInEveryFormat() throws Exception {
        Optional<Path> bin = LocalPostgres.installed();
        assumeTrue(bin.isPresent(), "PostgreSQL is not installed (.ci/run installs postgresql-15)");
        server = LocalPostgres.start(bin.get());
        server.sql("postgres", "create database shop");
        server.sql("shop", "create table orders(id int primary key, total numeric, note text);"
                + " insert into orders select g, g * 1.5, md5(g::text) from generate_series(1, 20000) g;"
                + " create table customers(id int, name text); insert into customers values (1, 'a'), (2, 'b');"
                + " select lo_from_bytea(0, 'large object'::bytea)");
        dumps = Files.createTempDirectory("readable-dumps");
        server.dump("shop", "", "-Fc", "-f", dumps.resolve("shop.dump").toString());
        server.dump("shop", "", "-Fc", "-Z0", "-f", dumps.resolve("plain-data.dump").toString());
        server.dump("shop", "| cat > '" + dumps.resolve("piped.dump") + "'", "-Fc");
        server.dump("shop", "", "-Fp", "-f", dumps.resolve("shop.sql").toString());
        server.dump("shop", "| gzip > '" + dumps.resolve("shop.sql.gz") + "'", "-Fp");
        server.dump("shop", "", "-Ft", "-f", dumps.resolve("shop.tar").toString());
        server.dump("shop", "", "-Fd", "-f", dumps.resolve("shopdir").toString());
        server.dump("shop", "", "-Fd", "-Z0", "-f", dumps.resolve("plaindir").toString());
    }

    @AfterAll
    static void stopTheServer() throws Exception {
        if (server != null) {
            server.close();
        }
        if (dumps != null) {
            ReadableArea.shell(dumps.getParent(), "rm -rf '" + dumps + "'");
        }
    }

    @BeforeEach
    void copyTheDumps() throws Exception {
        area = new ReadableArea(root);
        latest = area.folder("b-2026-11-25");
        ReadableArea.shell(latest, "cp -r '" + dumps + "'/. .");
    }

    private static Finding finding(CheckResult result, String name) {
        return result.findings().stream().filter(f -> f.item().endsWith("/" + name)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + name + " in " + result.findings()));
    }

    @Test
    void everyFormatOfACompleteDumpReads() throws Exception {
        CheckResult result = area.readable("{ files: [\"*.dump\", \"*.sql*\", \"*.tar\", \"shopdir/toc.dat\"] }");

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        @SuppressWarnings("unchecked")
        Map<String, Long> formats = (Map<String, Long>) result.metrics().get("formats");
        assertThat(formats).containsEntry("pg_dump archive", 4L).containsEntry("pg_dump SQL", 1L)
                .containsEntry("gzip+pg_dump SQL", 1L).containsEntry("tar", 1L);
        assertThat(result.metrics()).containsEntry("readFiles", 7L);
    }

    @Test
    void theWholeDirectoryFormatDumpReads() throws Exception {
        CheckResult result = area.readable("{ files: [\"shopdir/**\"] }");

        assertThat(result.findings()).noneMatch(f -> f.severity() == Status.FAIL);
        assertThat(result.metrics().get("readFiles")).isEqualTo(4L);
    }

    @Test
    void aDumpCutShortAnywhereFails() throws Exception {
        long custom = Files.size(latest.resolve("shop.dump"));
        cut(latest.resolve("shop.dump"), "toc-cut.dump", 400);
        cut(latest.resolve("shop.dump"), "data-cut.dump", custom / 2);
        cut(latest.resolve("shop.dump"), "last-block-cut.dump", custom - 3);
        cut(latest.resolve("plain-data.dump"), "plain-data-cut.dump", Files.size(latest.resolve("plain-data.dump"))
                - 100);
        cut(latest.resolve("piped.dump"), "piped-cut.dump", custom / 3);
        cut(latest.resolve("shop.sql"), "cut.sql", Files.size(latest.resolve("shop.sql")) / 2);
        cut(latest.resolve("shop.tar"), "cut.tar", Files.size(latest.resolve("shop.tar")) / 2);
        cut(latest.resolve("shopdir/toc.dat"), "toc.dat", 700);

        CheckResult result = area.readable("{ files: [\"*-cut.dump\", \"cut.*\", \"shopdir/toc.dat\"] }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("brokenFiles", 8L);
        assertThat(finding(result, "toc-cut.dump").message()).contains("ends at byte 400")
                .contains("table-of-contents entry");
        assertThat(finding(result, "data-cut.dump").message()).contains("ends at byte " + custom / 2)
                .contains("TABLE DATA");
        assertThat(finding(result, "last-block-cut.dump").message()).contains("ends at byte " + (custom - 3));
        assertThat(finding(result, "piped-cut.dump").message()).contains("ends at byte " + custom / 3);
        assertThat(finding(result, "cut.sql").message()).contains("-- PostgreSQL database dump complete");
        assertThat(finding(result, "cut.tar").message()).contains("cut short inside entry");
        assertThat(finding(result, "toc.dat").message()).contains("ends at byte 700");
    }

    @Test
    void aDumpWhoseJobDiedBeforeTheEndFailsEvenWhenItsGzipIsWhole() throws Exception {
        ReadableArea.shell(latest, "gzip -dc shop.sql.gz | head -c 400000 | gzip > died.sql.gz");

        CheckResult result = area.readable("{ files: [\"died.sql.gz\"] }");

        assertThat(finding(result, "died.sql.gz").message()).contains("pg_dump SQL in gzip")
                .contains("no closing line");
    }

    /**
     * A job that dumps its databases one after the other into one file ({@code for db in ...; do pg_dump $db; done >
     * all.sql}, or a re-run appending with {@code >>}) leaves the first dump's closing line near the end when the
     * next pg_dump dies early: that line does not make the file whole.
     */
    @Test
    void aSecondDumpAppendedAndCutShortFailsThoughTheFirstOnesClosingLineIsNearTheEnd() throws Exception {
        ReadableArea.shell(latest, "(cat shop.sql; head -c 2000 shop.sql) > appended.sql"
                + " && (cat shop.sql shop.sql) > both.sql");

        CheckResult result = area.readable("{ files: [\"appended.sql\", \"both.sql\"] }");

        assertThat(result.metrics()).containsEntry("brokenFiles", 1L).containsEntry("readFiles", 1L);
        assertThat(finding(result, "appended.sql").message()).contains("after its closing line")
                .contains("-- PostgreSQL database dump complete");
    }

    @Test
    void aDirectoryDumpMissingADataFileFails() throws Exception {
        try (var files = Files.list(latest.resolve("shopdir"))) {
            Path largest = files.filter(f -> f.getFileName().toString().matches("\\d+\\.dat.*"))
                    .max(java.util.Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
            Files.delete(largest);
        }

        CheckResult result = area.readable("{ files: [\"shopdir/toc.dat\"] }");

        assertThat(finding(result, "toc.dat").message()).contains("names the data file").contains("TABLE DATA");
    }

    /**
     * pg_dump writes toc.dat first, but rsync copies a directory dump in name order, so a copy cut short (or a full
     * disk at the copy) keeps every data file and loses toc.dat, or keeps it empty with --partial: pg_restore can
     * restore neither, and each data file alone reads fine.
     */
    @Test
    void aDirectoryDumpCopiedWithoutItsTocFails() throws Exception {
        Files.delete(latest.resolve("shopdir/toc.dat"));
        Files.write(latest.resolve("plaindir/toc.dat"), new byte[0]);

        CheckResult result = area.readable("{ files: [\"shopdir/**\", \"plaindir/**\"] }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        Path data = largestDataFile(latest.resolve("shopdir"));
        assertThat(finding(result, data.getFileName().toString()).message()).contains("no toc.dat beside it")
                .contains("pg_restore");
        assertThat(finding(result, "toc.dat").item()).endsWith("plaindir/toc.dat");
        assertThat(finding(result, "toc.dat").message()).contains("empty");
    }

    @Test
    void aWholeDirectoryDumpWithoutCompressionReads() throws Exception {
        CheckResult result = area.readable("{ files: [\"plaindir/toc.dat\"] }");

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("readFiles", 1L);
    }

    @Test
    void aDirectoryDumpWithoutCompressionWhoseDataFileWasCutShortFails() throws Exception {
        Path data = largestDataFile(latest.resolve("plaindir"));
        String name = data.getFileName().toString();
        // pg_dump -Fd -Z0 died in the middle of the table; the job wrote its checksums afterwards
        cut(data, name, Files.size(data) / 2);

        CheckResult result = area.readable("{ files: [\"plaindir/**\"] }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(finding(result, "toc.dat").message()).contains("data file " + name).contains("TABLE DATA")
                .contains("cut short");
    }

    @Test
    void aDirectoryDumpWithoutCompressionCutAtTheEndOfARowFails() throws Exception {
        Path data = largestDataFile(latest.resolve("plaindir"));
        ReadableArea.shell(data.getParent(), "head -n 1000 " + data.getFileName() + " > cut && mv cut "
                + data.getFileName());

        CheckResult result = area.readable("{ files: [\"plaindir/toc.dat\"] }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(finding(result, "toc.dat").message()).contains("data file " + data.getFileName());
    }

    private static Path largestDataFile(Path dump) throws Exception {
        try (var files = Files.list(dump)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d+\\.dat.*"))
                    .max(java.util.Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
    }

    @Test
    void aCorruptDataBlockFails() throws Exception {
        byte[] dump = Files.readAllBytes(latest.resolve("shop.dump"));
        dump[dump.length / 2] ^= (byte) 0xff;
        Files.write(latest.resolve("shop.dump"), dump);

        CheckResult result = area.readable("{ files: [\"shop.dump\"] }");

        assertThat(finding(result, "shop.dump").message()).contains("does not decompress");
    }
}
