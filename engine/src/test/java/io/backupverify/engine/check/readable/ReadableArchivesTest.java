package io.backupverify.engine.check.readable;

import static io.backupverify.engine.check.readable.ReadableArea.cut;
import static io.backupverify.engine.check.readable.ReadableArea.flip;
import static io.backupverify.engine.check.readable.ReadableArea.shell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives and compressed files made by the system's tar, gzip, zstd, xz, bzip2 and zip. */
class ReadableArchivesTest {
    private static final List<String> MADE = List.of("a.tar", "a.tar.gz", "a.tar.zst", "a.tar.xz", "a.tar.bz2",
            "a.zip", "numbers.txt.gz");

    @TempDir
    Path root;
    private ReadableArea area;
    private Path latest;

    @BeforeEach
    void archivesMadeByTheSystemTools() throws Exception {
        for (String tool : List.of("tar", "gzip", "zstd", "xz", "bzip2", "zip")) {
            assumeTrue(ReadableArea.commandExists(tool), tool + " is not installed (.ci/run installs it)");
        }
        area = new ReadableArea(root);
        Path older = area.folder("b-2026-11-24");
        shell(older, "seq 1 1000 | gzip > old.gz");
        latest = area.folder("b-2026-11-25");
        shell(latest, "mkdir -p src/sub && seq 1 50000 > src/numbers.txt && head -c 100000 /dev/urandom"
                + " > src/sub/random.bin && ln -s numbers.txt src/link && echo hi > src/sub/small.txt"
                + " && tar -cf a.tar src && tar -czf a.tar.gz src && tar --zstd -cf a.tar.zst src"
                + " && tar -cJf a.tar.xz src && tar -cjf a.tar.bz2 src && zip -qry a.zip src"
                + " && gzip -c src/numbers.txt > numbers.txt.gz && rm -r src");
    }

    private static Finding finding(CheckResult result, String name) {
        return result.findings().stream().filter(f -> f.item().endsWith("/" + name)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + name + " in " + result.findings()));
    }

    @Test
    void archivesMadeByTheToolsReadToTheEnd() throws Exception {
        CheckResult result = area.readable("{ scope: latest }");

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("files", 7L).containsEntry("readFiles", 7L)
                .containsEntry("brokenFiles", 0L).containsEntry("unknownFormatFiles", 0L);
        @SuppressWarnings("unchecked")
        Map<String, Long> formats = (Map<String, Long>) result.metrics().get("formats");
        assertThat(formats).containsEntry("tar", 1L).containsEntry("gzip+tar", 1L).containsEntry("zstd+tar", 1L)
                .containsEntry("xz+tar", 1L).containsEntry("bzip2+tar", 1L).containsEntry("zip", 1L)
                .containsEntry("gzip", 1L);
        assertThat(result.summary()).contains("7 of 7 files read to the end");
    }

    @Test
    void everyArchiveCutShortFailsNamingTheByteWhereReadingStopped() throws Exception {
        for (String name : MADE) {
            long size = Files.size(latest.resolve(name));
            cut(latest.resolve(name), "half-" + name, size / 2);
            cut(latest.resolve(name), "end-" + name, size - 9);
            Files.delete(latest.resolve(name));
        }

        CheckResult result = area.readable("{}");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        // A plain tar ends with its end-of-archive marker and zero padding: cutting the padding loses nothing.
        assertThat(result.metrics()).containsEntry("brokenFiles", (long) MADE.size() * 2 - 1)
                .containsEntry("readFiles", 1L);
        assertThat(result.findings()).noneMatch(f -> f.item().endsWith("end-a.tar"));
        for (String name : MADE) {
            long size = Files.size(latest.resolve("end-" + name));
            assertThat(finding(result, "half-" + name).message()).contains("byte");
            if (!name.equals("a.tar")) {
                assertThat(finding(result, "end-" + name).message()).as(name).contains("byte " + size);
            }
        }
        assertThat(finding(result, "half-a.tar.gz").message()).contains("gzip stream ends at byte");
        assertThat(finding(result, "end-a.zip").message()).contains("zip archive ends at byte");
    }

    @Test
    void aTarCutAtAnEntryBoundaryHasNoEndOfArchiveMarker() throws Exception {
        shell(latest, "echo tiny > t.txt && tar -cf one.tar t.txt && rm t.txt && head -c 1024 one.tar > cut.tar");

        CheckResult result = area.readable("{ files: [\"*.tar\"] }");

        assertThat(finding(result, "cut.tar").message())
                .contains("ends after 1 entry at byte 1024 without its end-of-archive marker");
        assertThat(result.metrics()).containsEntry("readFiles", 2L);
    }

    @Test
    void aTarWithZerosWhereItsLaterEntriesWereOrDataAfterItsEndFails() throws Exception {
        // zeroed.tar: its second half zeros, as a crash leaves a file whose space was allocated but never written;
        // GNU tar lists the entries before the zeros and exits 0. tape.tar: padded to a 1 MiB record (tar -b 2048).
        shell(latest, "rm -f *; mkdir src && for i in $(seq 1 40); do head -c 20000 /dev/urandom > src/f$i; done"
                + " && tar -cf whole.tar src && tar -b 2048 -cf tape.tar src && tar -czf whole.tar.gz src"
                + " && cp whole.tar zeroed.tar && half=$(( $(stat -c %s zeroed.tar) / 1024 ))"
                + " && dd if=/dev/zero of=zeroed.tar bs=512 seek=$half count=$half conv=notrunc status=none"
                + " && gzip -c zeroed.tar > zeroed.tar.gz && cat whole.tar whole.tar > twice.tar && rm -r src"
                + " && tar -tf zeroed.tar > /dev/null");

        CheckResult result = area.readable("{}");

        assertThat(result.metrics()).containsEntry("readFiles", 3L).containsEntry("brokenFiles", 3L);
        assertThat(result.findings()).noneMatch(f -> f.item().endsWith("whole.tar") || f.item().endsWith("tape.tar")
                || f.item().endsWith("whole.tar.gz"));
        assertThat(finding(result, "zeroed.tar").message()).contains("is followed by").contains("zero bytes, more "
                + "than tar pads an archive with").contains("tar lists only those entries");
        assertThat(finding(result, "zeroed.tar.gz").message()).contains("zero bytes, more than tar pads");
        assertThat(finding(result, "twice.tar").message()).contains("holds data at byte")
                .contains("after the end-of-archive marker");
    }

    @Test
    void concatenatedStreamsAreReadMemberByMember() throws Exception {
        shell(latest, "rm -f *; seq 1 5000 > n; for c in gzip zstd xz bzip2; do"
                + " ($c -c n; $c -c n) > n.$c; done; rm n; mv n.gzip n.gz; mv n.bzip2 n.bz2; mv n.zstd n.zst");

        CheckResult result = area.readable("{}");
        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("readFiles", 4L);

        byte[] gz = Files.readAllBytes(latest.resolve("n.gz"));
        Files.write(latest.resolve("n.gz"), java.util.Arrays.copyOf(gz, gz.length - 20));
        CheckResult cut = area.readable("{}");
        assertThat(finding(cut, "n.gz").message()).contains("gzip stream ends at byte " + (gz.length - 20));
    }

    @Test
    void zeroPaddingAfterGzipDataWarnsAsGzipDoesAndGarbageStillFails() throws Exception {
        // dd pads the last block with zeros, as a tape does: gzip -t accepts it, gzip -tv warns (exit 2)
        shell(latest, "rm -f *; seq 1 5000 | gzip > orders.csv.gz && tar -czf a.tar.gz orders.csv.gz"
                + " && dd if=orders.csv.gz of=padded.csv.gz bs=10240 conv=sync 2>/dev/null"
                + " && dd if=a.tar.gz of=padded.tar.gz bs=10240 conv=sync 2>/dev/null"
                + " && gzip -t padded.csv.gz && (gzip -tv padded.csv.gz 2>&1; test $? -eq 2)"
                + " && cp padded.csv.gz garbage.csv.gz && printf 'x' >> garbage.csv.gz"
                + " && (gzip -t garbage.csv.gz 2>/dev/null; test $? -eq 2)");

        CheckResult result = area.readable("{}");

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("readFiles", 4L).containsEntry("brokenFiles", 1L);
        long padding = Files.size(latest.resolve("padded.csv.gz")) - Files.size(latest.resolve("orders.csv.gz"));
        assertThat(finding(result, "padded.csv.gz").severity()).isEqualTo(Status.WARN);
        assertThat(finding(result, "padded.csv.gz").message()).contains(padding + " trailing zero bytes ignored");
        assertThat(finding(result, "padded.tar.gz").severity()).isEqualTo(Status.WARN);
        assertThat(finding(result, "garbage.csv.gz").severity()).isEqualTo(Status.FAIL);
        assertThat(finding(result, "garbage.csv.gz").message()).contains("Garbage after a valid .gz stream");
        assertThat(result.findings()).noneMatch(f -> f.item().endsWith("/orders.csv.gz")
                || f.item().endsWith("/a.tar.gz"));
        assertThat(result.summary()).contains("2 files with a warning");

        Files.delete(latest.resolve("garbage.csv.gz"));
        CheckResult padded = area.readable("{}");
        assertThat(padded.status()).as("padding alone: gzip's warning, never a FAIL").isEqualTo(Status.WARN);
    }

    @Test
    void aCorruptByteFailsByChecksumOrStructure() throws Exception {
        shell(latest, "head -c 200000 /dev/urandom > r.bin && zip -q0 stored.zip r.bin && rm r.bin");
        flip(latest.resolve("stored.zip"), 100_000);
        flip(latest.resolve("a.tar.gz"), Files.size(latest.resolve("a.tar.gz")) / 2);
        flip(latest.resolve("a.tar.zst"), Files.size(latest.resolve("a.tar.zst")) / 2);
        flip(latest.resolve("a.tar.xz"), Files.size(latest.resolve("a.tar.xz")) / 2);

        CheckResult result = area.readable("{}");

        assertThat(finding(result, "stored.zip").message()).contains("CRC-32").contains("r.bin");
        assertThat(finding(result, "a.tar.gz").message()).contains("gzip");
        assertThat(finding(result, "a.tar.zst").message()).contains("zstd");
        assertThat(finding(result, "a.tar.xz").message()).contains("xz");
        assertThat(result.findings()).noneMatch(f -> f.item().endsWith("a.tar"));
        flip(latest.resolve("a.tar"), 100);
        assertThat(finding(area.readable("{}"), "a.tar").message()).contains("tar header at byte 0")
                .contains("wrong checksum");
    }

    @Test
    void aFileOfUnknownFormatIsNotAPassClaim() throws Exception {
        shell(latest, "rm -f *; head -c 5000 /dev/urandom > data.bin");
        CheckResult alone = area.readable("{}");
        assertThat(alone.status()).isEqualTo(Status.WARN);
        assertThat(alone.findings().get(0).message()).contains("nothing was proven readable");
        assertThat(alone.metrics()).containsEntry("unknownFormatFiles", 1L);

        shell(latest, "seq 1 10 | gzip > n.gz");
        CheckResult mixed = area.readable("{}");
        assertThat(mixed.status()).isEqualTo(Status.PASS);
        assertThat(mixed.summary()).contains("1 of 2 files read to the end").contains("1 file of a format not read");
        assertThat(mixed.metrics().get("notChecked").toString()).contains("data.bin");
    }

    @Test
    void aNameThatPromisesAFormatTheContentLacksFails() throws Exception {
        Files.writeString(latest.resolve("orders.sql.gz"), "not compressed at all");
        Files.write(latest.resolve("empty.tar.zst"), new byte[0]);
        shell(latest, "seq 1 100 | gzip > inner.tar.gz");

        CheckResult result = area.readable("{}");

        assertThat(finding(result, "orders.sql.gz").message()).contains("named as gzip but does not begin as gzip");
        assertThat(finding(result, "empty.tar.zst").message()).contains("named as zstd but empty");
        assertThat(finding(result, "inner.tar.gz").message()).contains("named as tar");
    }

    @Test
    void filesPatternsAndScopeChooseWhatIsRead() throws Exception {
        CheckResult some = area.readable("{ files: [\"*.tar.*\"] }");
        assertThat(some.metrics()).containsEntry("files", 4L);
        assertThat(area.readable("{ files: [\"*.nothing\"] }").status()).isEqualTo(Status.WARN);

        CheckResult all = area.readable("{ scope: all }");
        assertThat(all.metrics()).containsEntry("files", 8L).containsEntry("backups", 2);
        cut(root.resolve("b-2026-11-24/old.gz"), "old.gz", 10);
        assertThat(finding(area.readable("{ scope: all }"), "old.gz").severity()).isEqualTo(Status.FAIL);
        assertThat(area.readable("{ scope: latest }").status()).isEqualTo(Status.PASS);
    }

    @Test
    void sqlDumpsMustEndWithTheirToolsClosingLine() throws Exception {
        String mysql = "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: localhost\n"
                + "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n";
        Files.writeString(latest.resolve("complete.sql"), mysql + "-- Dump completed on 2026-11-25 01:00:02\n");
        Files.writeString(latest.resolve("died.sql"), mysql);
        Files.writeString(latest.resolve("maria.sql"), "/*M!999999\\- enable the sandbox mode */ \n"
                + "-- MariaDB dump 10.19-11.4.2-MariaDB, for debian-linux-gnu (x86_64)\n" + mysql
                + "-- Dump completed\n");
        shell(latest, "gzip -k died.sql");

        CheckResult result = area.readable("{ files: [\"*.sql*\"] }");

        assertThat(result.metrics()).containsEntry("readFiles", 2L).containsEntry("brokenFiles", 2L);
        assertThat(finding(result, "died.sql").message()).contains("no closing line \"-- Dump completed\"");
        assertThat(finding(result, "died.sql.gz").message()).contains("mysqldump SQL in gzip");
    }
}
