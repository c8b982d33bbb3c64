package io.backupverify.engine.restore;

import static io.backupverify.engine.restore.RestoreRuns.exec;
import static io.backupverify.engine.restore.RestoreRuns.leftIn;
import static io.backupverify.engine.restore.RestoreRuns.restore;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Archives that try to write outside the scratch folder, through links, over earlier entries, as devices, or to
 * fill the disk: each is refused as a FAIL naming the entry, and nothing lands outside the scratch folder.
 */
class HostileArchivesTest {
    private static final String PLAN = """
            backupSets:
              - name: web
                target: { type: local, path: backups }
                layout: { kind: directory-per-backup, namePattern: "web-{yyyy-MM-dd}" }
                restoreTest:
                  restore: { kind: archive, limits: { maxSize: 64MiB, maxEntries: 1000, maxRatio: 200 } }
            """;

    @TempDir
    Path dir;
    Path backup;
    Path scratch;

    @BeforeEach
    void folders() throws IOException {
        backup = Files.createDirectories(dir.resolve("backups/web-2026-11-25"));
        scratch = Files.createDirectories(dir.resolve("a/b/c/scratch"));
    }

    /** A tar entry: a name, a type flag, a link target or content. */
    private record Item(String name, byte type, String link, byte[] content) {
        static Item file(String name, String content) {
            return new Item(name, TarArchiveEntry.LF_NORMAL, null, content.getBytes(StandardCharsets.UTF_8));
        }

        static Item symlink(String name, String target) {
            return new Item(name, TarArchiveEntry.LF_SYMLINK, target, new byte[0]);
        }

        static Item hardlink(String name, String target) {
            return new Item(name, TarArchiveEntry.LF_LINK, target, new byte[0]);
        }

        static Item special(String name, byte type) {
            return new Item(name, type, null, new byte[0]);
        }
    }

    private static byte[] tar(Item... items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Item item : items) {
                // preserveAbsolutePath keeps a leading '/' exactly as a hostile archive would hold it
                TarArchiveEntry entry = new TarArchiveEntry(item.name(), item.type(), true);
                if (item.link() != null) {
                    entry.setLinkName(item.link());
                }
                entry.setSize(item.content().length);
                tar.putArchiveEntry(entry);
                tar.write(item.content());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** A zip entry: a name, a Unix mode (0 for none) and content. */
    private record ZipItem(String name, int unixMode, String content) {
    }

    private static byte[] zip(ZipItem... items) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (ZipItem item : items) {
                ZipArchiveEntry entry = new ZipArchiveEntry(item.name());
                if (item.unixMode() != 0) {
                    entry.setUnixMode(item.unixMode());
                }
                zip.putArchiveEntry(entry);
                zip.write(item.content().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private CheckResult restoreArchive(String name, byte[] archive) throws Exception {
        Files.write(backup.resolve(name), archive);
        return restore(PLAN, dir, scratch);
    }

    /** The restore failed on exactly one refused entry, and the scratch area was cleaned up. */
    private void refused(CheckResult result, String item, String reason) throws IOException {
        assertThat(result.status()).as(result.toString()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).hasSize(1);
        Finding finding = result.findings().get(0);
        assertThat(finding.item()).isEqualTo(item);
        assertThat(finding.message()).contains(reason);
        assertThat(leftIn(scratch)).isEmpty();
        assertThat(strays()).as("nothing written outside the scratch folder").isEmpty();
    }

    /** Files named like the ones the hostile archives try to plant, anywhere under the test's folder or /tmp. */
    private List<Path> strays() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : List.of(dir, Path.of("/tmp"))) {
            try (Stream<Path> walk = Files.walk(root, root.equals(dir) ? Integer.MAX_VALUE : 1)) {
                walk.filter(path -> path.getFileName().toString().startsWith("planted-bv")).forEach(found::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // /tmp may hold unreadable folders of others; the test's own folder is walked whole
            }
        }
        return found;
    }

    private String absoluteTarget() {
        return dir.resolve("planted-bv-absolute").toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tar", "tar.gz"})
    void entriesThatClimbOutAreRefusedAndAbsoluteOnesStayInside(String format) throws Exception {
        String name = "site." + format;
        byte[] climbing = tar(Item.file("ok.txt", "fine"), Item.file("../../../../planted-bv-dotdot", "x"));
        refused(restoreArchive(name, format.equals("tar") ? climbing : gzip(climbing)),
                name + ": ../../../../planted-bv-dotdot", "climbs out with '..'");
        byte[] absoluteClimbing = tar(Item.file("/../../planted-bv-rooted-dotdot", "x"));
        refused(restoreArchive(name, format.equals("tar") ? absoluteClimbing : gzip(absoluteClimbing)),
                name + ": /../../planted-bv-rooted-dotdot", "climbs out with '..'");

        // as GNU tar extracts tar -P archives: the leading '/' removed, below the scratch folder
        byte[] absolute = tar(Item.file(absoluteTarget(), "x"), Item.file("//" + absoluteTarget() + "-2", "y"),
                Item.hardlink("/planted-bv-hard", absoluteTarget()));
        CheckResult result = restoreArchive(name, format.equals("tar") ? absolute : gzip(absolute));
        assertThat(result.status()).as(result.toString()).isNotIn(Status.FAIL, Status.ERROR);
        assertThat(result.metrics()).as("two files and a hard link").containsEntry("restoredFiles", 2L);
        assertThat(result.findings()).anySatisfy(note -> assertThat(note.message())
                .contains("3 entries have an absolute name (tar -P)"));
        assertThat(leftIn(scratch)).isEmpty();
        assertThat(strays()).as("nothing written outside the scratch folder").isEmpty();
    }

    @Test
    void symbolicLinksThatEscapeAreRefused() throws Exception {
        refused(restoreArchive("site.tar", tar(Item.symlink("up", "../../.."))), "site.tar: up",
                "outside the scratch folder");
        refused(restoreArchive("site.tar", tar(Item.symlink("etc", "/etc"))), "site.tar: etc",
                "the absolute path /etc");
        // Each link stays inside when read on its own; together they lead out.
        refused(restoreArchive("site.tar", tar(Item.symlink("here", "."), Item.symlink("out", "here/here/../.."))),
                "site.tar: out", "leads outside the scratch folder");
    }

    @Test
    void laterEntriesThatWriteThroughALinkAreRefused() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        refused(restoreArchive("site.tar", tar(Item.symlink("inner", "sub"), Item.file("sub/keep.txt", "k"),
                Item.file("inner/planted-bv-through-inner", "x"))), "site.tar: inner/planted-bv-through-inner",
                "write through the symbolic link inner");
        assertThat(outside).isEmptyDirectory();
        refused(restoreArchive("site.tar", tar(Item.symlink("out", "x/../y"), Item.file("out", "x"))),
                "site.tar: out", "duplicate entry");
    }

    @Test
    void hardLinksThatEscapeOrPointAtNothingAreRefused() throws Exception {
        // an absolute target names an entry of the archive (as GNU tar reads it), never the system's file
        refused(restoreArchive("site.tar", tar(Item.hardlink("passwd", "/etc/passwd"))), "site.tar: passwd",
                "which no earlier entry wrote");
        refused(restoreArchive("site.tar", tar(Item.hardlink("up", "../../outside.txt"))), "site.tar: up",
                "climbs out");
        refused(restoreArchive("site.tar", tar(Item.hardlink("ghost", "never-written"))), "site.tar: ghost",
                "which no earlier entry wrote");
        refused(restoreArchive("site.tar", tar(Item.symlink("l", "a"), Item.file("a", "x"),
                Item.hardlink("h", "l"))), "site.tar: h", "which no earlier entry wrote as a regular file");
    }

    @Test
    void aHardLinkInsideIsRestoredAndAWriteThroughItIsRefusedAsADuplicate() throws Exception {
        CheckResult fine = restoreArchive("site.tar", tar(Item.file("a.txt", "same"), Item.hardlink("b.txt", "a.txt")));
        assertThat(fine.status()).as(fine.toString()).isEqualTo(Status.PASS);

        refused(restoreArchive("site.tar", tar(Item.file("a.txt", "same"), Item.hardlink("b.txt", "a.txt"),
                Item.file("b.txt", "overwrites a.txt too"))), "site.tar: b.txt", "duplicate entry");
    }

    @Test
    void devicesAndFifosAreRefused() throws Exception {
        refused(restoreArchive("site.tar", tar(Item.special("dev/sda", TarArchiveEntry.LF_BLK))),
                "site.tar: dev/sda", "a device file");
        refused(restoreArchive("site.tar", tar(Item.special("dev/null", TarArchiveEntry.LF_CHR))),
                "site.tar: dev/null", "a device file");
        refused(restoreArchive("site.tar", tar(Item.special("pipe", TarArchiveEntry.LF_FIFO))),
                "site.tar: pipe", "a FIFO");
    }

    @Test
    void duplicateEntriesAndFilesUsedAsFoldersAreRefused() throws Exception {
        refused(restoreArchive("site.tar", tar(Item.file("a.txt", "one"), Item.file("./a.txt", "two"))),
                "site.tar: ./a.txt", "duplicate entry; it would overwrite a.txt");
        refused(restoreArchive("site.tar", tar(Item.file("a", "one"), Item.file("a/b", "two"))),
                "site.tar: a/b", "is a file written by an earlier entry, not a folder");
    }

    @Test
    void decompressionBombsAreRefusedBySizeRatioAndEntryCount() throws Exception {
        byte[] zeros = new byte[80 << 20];
        Files.write(backup.resolve("bomb.tar.gz"), gzip(tar(new Item("zeros", TarArchiveEntry.LF_NORMAL, null,
                zeros))));
        refused(restore(PLAN.replace("maxSize: 64MiB", "maxSize: 1GiB"), dir, scratch), "bomb.tar.gz: zeros",
                "a decompression bomb?");
        Files.delete(backup.resolve("bomb.tar.gz"));

        String raisedRatio = PLAN.replace("maxRatio: 200", "maxRatio: 100000");
        Files.write(backup.resolve("bomb.tar.gz"), gzip(tar(new Item("zeros", TarArchiveEntry.LF_NORMAL, null,
                zeros))));
        CheckResult bySize = restore(raisedRatio, dir, scratch);
        refused(bySize, "bomb.tar.gz: zeros", "expands to more than 64.0 MiB");
        Files.delete(backup.resolve("bomb.tar.gz"));

        Item[] many = new Item[1001];
        for (int i = 0; i < many.length; i++) {
            many[i] = Item.file("f" + i, "");
        }
        refused(restoreArchive("many.tar.gz", gzip(tar(many))), "many.tar.gz: f1000", "more than 1000 entries");
    }

    @Test
    void theDefaultLimitsStopABombToo() throws Exception {
        Files.write(backup.resolve("bomb.tar.gz"), gzip(tar(new Item("zeros", TarArchiveEntry.LF_NORMAL, null,
                new byte[80 << 20]))));
        CheckResult result = restore(PLAN.replace(", limits: { maxSize: 64MiB, maxEntries: 1000, maxRatio: 200 }",
                ""), dir, scratch);
        refused(result, "bomb.tar.gz: zeros", "more than 200 times (restore.limits.maxRatio raises the limit)");
    }

    @Test
    void hostileZipEntriesAreRefused() throws Exception {
        refused(restoreArchive("site.zip", zip(new ZipItem("../../planted-bv-zip", 0, "x"))),
                "site.zip: ../../planted-bv-zip", "climbs out");
        refused(restoreArchive("site.zip", zip(new ZipItem(absoluteTarget(), 0, "x"))),
                "site.zip: " + absoluteTarget(), "an absolute path");
        refused(restoreArchive("site.zip", zip(new ZipItem("link", 0120777, "/etc"))), "site.zip: link",
                "the absolute path /etc");
        refused(restoreArchive("site.zip", zip(new ZipItem("link", 0120777, "sub"), new ZipItem("sub/", 040755, ""),
                new ZipItem("link/planted-bv-zip", 0100644, "x"))), "site.zip: link/planted-bv-zip",
                "write through the symbolic link link");
        refused(restoreArchive("site.zip", zip(new ZipItem("fifo", 010644, ""))), "site.zip: fifo",
                "FIFO or socket");
        refused(restoreArchive("site.zip", zip(new ZipItem("a.txt", 0, "one"), new ZipItem("a.txt", 0, "two"))),
                "site.zip: a.txt", "duplicate entry");
    }

    @Test
    void aZipWhoseDataDoesNotMatchItsCrcFails() throws Exception {
        byte[] archive = zip(new ZipItem("a.txt", 0, "x".repeat(1000)));
        String text = new String(archive, StandardCharsets.ISO_8859_1);
        byte[] corrupt = archive.clone();
        corrupt[text.indexOf("a.txt") + 5 + 10] ^= 0x01;
        CheckResult result = restoreArchive("site.zip", corrupt);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings().get(0).item()).startsWith("site.zip");
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void absolutePathsStayInsideAndLinksMadeByTheSystemTarAndZipAreRefused() throws Exception {
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Files.writeString(victim.resolve("planted-bv-system"), "from the system tar");
        exec(dir, "tar", "-cPf", backup.resolve("abs.tar").toString(), victim.resolve("planted-bv-system").toString());
        Files.delete(victim.resolve("planted-bv-system"));
        CheckResult absolute = restore(PLAN, dir, scratch);
        assertThat(absolute.status()).as(absolute.toString()).isNotIn(Status.FAIL, Status.ERROR);
        assertThat(absolute.metrics()).containsEntry("restoredFiles", 1L);
        assertThat(victim).as("GNU tar's absolute name is restored below the scratch folder").isEmptyDirectory();
        assertThat(strays()).isEmpty();
        Files.delete(backup.resolve("abs.tar"));

        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createSymbolicLink(tree.resolve("escape"), Path.of("../../../../../../etc"));
        exec(tree, "zip", "-qry", backup.resolve("links.zip").toString(), ".");
        refused(restore(PLAN, dir, scratch), "links.zip: escape", "outside the scratch folder");
        Files.delete(backup.resolve("links.zip"));

        exec(tree, "tar", "-czf", backup.resolve("links.tar.gz").toString(), ".");
        refused(restore(PLAN, dir, scratch), "links.tar.gz: ./escape", "outside the scratch folder");
    }
}
