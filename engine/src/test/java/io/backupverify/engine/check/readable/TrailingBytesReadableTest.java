package io.backupverify.engine.check.readable;

import static io.backupverify.engine.check.readable.ReadableArea.shell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressed files followed by zeros (a copy padded to a block size by {@code dd conv=sync} or a tape) or by other
 * bytes: the verdict follows what the tool users restore with does with them, checked here on the real tool's
 * output. bzip2 ignores them with a warning and exit 0 (so {@code tar -xj} restores the file): a WARN. zstd and lz4
 * fail (exit 1): a FAIL.
 */
class TrailingBytesReadableTest {
    @TempDir
    Path root;
    private ReadableArea area;
    private Path latest;

    @BeforeEach
    void toolsAndData() throws Exception {
        for (String tool : List.of("tar", "bzip2", "zstd", "lz4", "dd")) {
            assumeTrue(ReadableArea.commandExists(tool), tool + " is not installed (.ci/run installs it)");
        }
        area = new ReadableArea(root);
        latest = area.folder("b-2026-11-25");
        shell(latest, "mkdir src && seq 1 40000 > src/numbers.txt && head -c 50000 /dev/urandom > src/random.bin"
                + " && tar -cf a.tar src && rm -r src");
    }

    private static Finding finding(CheckResult result, String name) {
        return result.findings().stream().filter(f -> f.item().endsWith("/" + name)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + name + " in " + result.findings()));
    }

    @Test
    void bzip2FollowedByZerosOrOtherBytesWarnsAsBzip2DoesAndTarRestoresIt() throws Exception {
        shell(latest, "bzip2 -c a.tar > a.tar.bz2 && dd if=a.tar.bz2 of=padded.tar.bz2 bs=10240 conv=sync 2>/dev/null"
                + " && cp a.tar.bz2 junk.tar.bz2 && printf 'end of job 2026-11-25\\n' >> junk.tar.bz2"
                + " && for f in padded junk; do bzip2 -t $f.tar.bz2 2>$f.err"
                + " && grep -q 'trailing garbage after EOF ignored' $f.err"
                + " && mkdir x && tar -C x -xjf $f.tar.bz2 2>/dev/null && rm -r x $f.err || exit 1; done"
                + " && rm a.tar");

        CheckResult result = area.readable("{}");

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.WARN);
        long padding = Files.size(latest.resolve("padded.tar.bz2")) - Files.size(latest.resolve("a.tar.bz2"));
        assertThat(finding(result, "padded.tar.bz2").severity()).isEqualTo(Status.WARN);
        assertThat(finding(result, "padded.tar.bz2").message()).contains(padding + " trailing zero bytes (padding",
                "after the last bzip2 stream ignored", "trailing garbage after EOF ignored");
        assertThat(finding(result, "junk.tar.bz2").severity()).isEqualTo(Status.WARN);
        assertThat(finding(result, "junk.tar.bz2").message()).contains("22 trailing bytes that are not bzip2 data");
        assertThat(result.findings()).noneMatch(f -> f.item().endsWith("/a.tar.bz2"));
        assertThat(result.metrics()).containsEntry("readFiles", 3L).containsEntry("brokenFiles", 0L);
    }

    @Test
    void bzip2EndingInsideAFurtherStreamHeaderFailsAsBzip2Does() throws Exception {
        shell(latest, "bzip2 -c a.tar > a.tar.bz2 && printf 'BZ' >> a.tar.bz2"
                + " && (bzip2 -t a.tar.bz2 2>err; test $? -eq 2) && grep -q 'file ends unexpectedly' err && rm err a.tar");

        CheckResult result = area.readable("{}");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(finding(result, "a.tar.bz2").message()).contains("the bzip2 stream ends at byte", "the file was cut short");
    }

    @Test
    void aBzip2StreamWhoseHeaderIsDamagedFailsThoughBzip2DropsItWithExitZero() throws Exception {
        // pbzip2 and cat make one stream after another; the second's header damaged, bzip2 keeps only the first
        shell(latest, "seq 1 30000 | bzip2 -c > first.bz2 && seq 30001 60000 | bzip2 -c > second.bz2"
                + " && cat first.bz2 second.bz2 > n.bz2 && printf 'X' | dd of=n.bz2 bs=1 seek=$(stat -c %s first.bz2)"
                + " conv=notrunc 2>/dev/null && rm first.bz2 second.bz2 a.tar"
                + " && bzip2 -t n.bz2 2>err && grep -q 'trailing garbage after EOF ignored' err && rm err"
                + " && test $(bzip2 -dc n.bz2 2>/dev/null | wc -l) -eq 30000");

        CheckResult result = area.readable("{}");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(finding(result, "n.bz2").message()).contains("hold a compressed bzip2 block",
                "losing its data");
    }

    @Test
    void zstdAndLz4FollowedByZerosOrOtherBytesFailAsTheirToolsDo() throws Exception {
        shell(latest, "for c in zstd lz4; do $c -q -c a.tar > a.tar.$c"
                + " && dd if=a.tar.$c of=padded.tar.$c bs=10240 conv=sync 2>/dev/null"
                + " && cp a.tar.$c junk.tar.$c && printf 'end of job\\n' >> junk.tar.$c"
                + " && for f in padded junk; do ($c -q -t $f.tar.$c 2>/dev/null; test $? -ne 0)"
                + " && mkdir x && (tar -C x -I $c -xf $f.tar.$c 2>/dev/null; test $? -ne 0) && rm -r x || exit 1;"
                + " done; done && rm a.tar && for f in a padded junk; do mv $f.tar.zstd $f.tar.zst; done");

        CheckResult result = area.readable("{}");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        for (String name : List.of("padded.tar.zst", "junk.tar.zst")) {
            assertThat(finding(result, name).severity()).isEqualTo(Status.FAIL);
            assertThat(finding(result, name).message()).contains("not one", "zstd -t and zstd -d fail on them too");
        }
        for (String name : List.of("padded.tar.lz4", "junk.tar.lz4")) {
            assertThat(finding(result, name).severity()).isEqualTo(Status.FAIL);
            assertThat(finding(result, name).message()).contains("lz4 -t and lz4 -d fail on them too");
        }
        assertThat(result.findings()).noneMatch(f -> f.item().endsWith("/a.tar.zst") || f.item().endsWith("/a.tar.lz4"));
    }
}
