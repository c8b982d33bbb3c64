package io.backupverify.engine.restore;

import static io.backupverify.engine.restore.RestoreRuns.exec;
import static io.backupverify.engine.restore.RestoreRuns.leftIn;
import static io.backupverify.engine.restore.RestoreRuns.restore;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tar archive cut short exactly where an entry starts (the job writing it was killed, or the disk filled between
 * two files) has every header and every byte of data that it still holds: GNU tar lists and extracts it without a
 * word. Only the missing end-of-archive marker tells that entries are lost, so a restore test must FAIL it, as the
 * readable check does, and not restore the first entries and pass.
 */
class TarCutShortRestoreTest {
    private static final String PLAN = """
            backupSets:
              - name: web
                target: { type: local, path: backups }
                layout: { kind: directory-per-backup, namePattern: "web-{yyyy-MM-dd}" }
                restoreTest:
                  restore: { kind: archive }
                  validate:
                    - required: [index.html]
            """;

    @TempDir
    Path dir;
    Path source;
    Path scratch;
    Path backup;

    @BeforeEach
    void site() throws Exception {
        source = Files.createDirectories(dir.resolve("site"));
        Files.writeString(source.resolve("index.html"), "<h1>shop</h1>\n");
        Files.writeString(source.resolve("site.css"), "h1 { color: teal }\n");
        Files.write(source.resolve("catalogue.db"), new byte[300_000]);
        scratch = Files.createDirectories(dir.resolve("scratch"));
        backup = Files.createDirectories(dir.resolve("backups/web-2026-11-25"));
    }

    /** The system's tar of the three files, cut where the header of catalogue.db starts (or some bytes into it). */
    private byte[] tarCutBeforeTheLastEntry(int intoHeader) throws Exception {
        Path whole = dir.resolve("whole.tar");
        exec(source, "tar", "-cf", whole.toString(), "index.html", "site.css", "catalogue.db");
        byte[] tar = Files.readAllBytes(whole);
        int lastHeader = 2048; // two headers of 512 bytes, each followed by one block of data
        assertThat(new String(tar, lastHeader, "catalogue.db".length(), StandardCharsets.US_ASCII))
                .isEqualTo("catalogue.db");
        return Arrays.copyOf(tar, lastHeader + intoHeader);
    }

    @ParameterizedTest(name = "cut {0} bytes into the last entry's header")
    @ValueSource(ints = {0, 300})
    void aPlainTarCutShortWhereAnEntryStartsFails(int intoHeader) throws Exception {
        Files.write(backup.resolve("site.tar"), tarCutBeforeTheLastEntry(intoHeader));

        CheckResult result = restore(PLAN, dir, scratch);

        assertThat(result.status()).as(result.summary()).isEqualTo(Status.FAIL);
        assertThat(result.findings().get(0).item()).startsWith("site.tar");
        assertThat(result.findings().get(0).message()).contains("cut short");
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aGzippedTarCutShortWhereAnEntryStartsFails() throws Exception {
        // tar killed between two files, its gzip closing the stream properly: `gzip -t` finds nothing wrong
        Path cut = dir.resolve("site.tar");
        Files.write(cut, tarCutBeforeTheLastEntry(0));
        exec(dir, "gzip", "-n", cut.toString());
        Files.move(dir.resolve("site.tar.gz"), backup.resolve("site.tar.gz"));

        CheckResult result = restore(PLAN, dir, scratch);

        assertThat(result.status()).as(result.summary()).isEqualTo(Status.FAIL);
        assertThat(result.findings().get(0).item()).startsWith("site.tar.gz");
        assertThat(result.findings().get(0).message()).contains("without its end-of-archive marker");
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aTarWhoseTailIsZerosOrFollowedByAnotherArchiveFails() throws Exception {
        // its second half zeroed, as a crash leaves a file whose space was allocated but never written: GNU tar
        // extracts the entries before the zeros and exits 0
        Path whole = dir.resolve("whole.tar");
        exec(source, "tar", "-cf", whole.toString(), "index.html", "site.css", "catalogue.db");
        byte[] tar = Files.readAllBytes(whole);
        Arrays.fill(tar, 2048, tar.length, (byte) 0);
        Files.write(backup.resolve("site.tar"), tar);
        exec(source, "tar", "-tf", backup.resolve("site.tar").toString());

        CheckResult zeroed = restore(PLAN, dir, scratch);
        Files.write(backup.resolve("site.tar"), concat(Files.readAllBytes(whole), Files.readAllBytes(whole)));
        CheckResult twice = restore(PLAN, dir, scratch);
        Files.copy(whole, backup.resolve("site.tar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CheckResult good = restore(PLAN, dir, scratch);

        assertThat(zeroed.status()).as(zeroed.summary()).isEqualTo(Status.FAIL);
        assertThat(zeroed.findings().get(0).message()).contains("ends after 2 entries at byte 2048")
                .contains("zero bytes, more than tar pads an archive with");
        assertThat(twice.status()).as(twice.summary()).isEqualTo(Status.FAIL);
        assertThat(twice.findings().get(0).message()).contains("holds data at byte")
                .contains("after its end-of-archive marker");
        assertThat(good.status()).as(good.findings().toString()).isEqualTo(Status.PASS);
        assertThat(leftIn(scratch)).isEmpty();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void aWholeTarWithOnlyOneEndBlockStillRestores() throws Exception {
        // GNU tar reads an archive that ends after a single zero block (with a warning); so does the restore test
        byte[] cut = tarCutBeforeTheLastEntry(0);
        Files.write(backup.resolve("site.tar"), Arrays.copyOf(cut, cut.length + 512));

        CheckResult result = restore(PLAN, dir, scratch);

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
    }
}
