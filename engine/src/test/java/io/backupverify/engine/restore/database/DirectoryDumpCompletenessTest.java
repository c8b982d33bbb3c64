package io.backupverify.engine.restore.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.format.PgDirectoryToc;
import io.backupverify.engine.testing.Plans;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A required name that is a {@code pg_dump -Fd} folder, from real pg_dump output (tables and a large object, gzip
 * and uncompressed): present when its toc.dat and every data file it names are there, a FAIL naming what is missing
 * otherwise.
 */
class DirectoryDumpCompletenessTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    static Path dumps;
    @TempDir
    Path dir;

    private static Path sourceHome;
    private static EmbeddedPostgresServer source;

    @BeforeAll
    static void makeDumps() throws Exception {
        sourceHome = Files.createTempDirectory("source-pg");
        source = RealTools.shopServer(sourceHome);
        RealTools.execute(source, "shop", "CREATE TABLE pictures (id int, picture oid)",
                "INSERT INTO pictures VALUES (1, lo_from_bytea(0, 'a picture'))");
        RealTools.pgDump(source, "shop", 'd', dumps.resolve("gzip"));
        RealTools.pgDump(source, "shop", 'd', dumps.resolve("plain"), "--compress=0");
    }

    @AfterAll
    static void stopSource() {
        source.close();
        ScratchHomes.delete(sourceHome);
    }

    /** The newest backup holds the dump as {@code shop.d}, a copy of the one made (so that tests may damage it). */
    private Path backup(String made) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("backups/b-2026-11-25/shop.d"));
        Files.writeString(folder.resolveSibling("schema.sql"), "create table");
        Files.setLastModifiedTime(folder.getParent(), java.nio.file.attribute.FileTime.from(NOW));
        try (Stream<Path> files = Files.list(dumps.resolve(made))) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        return folder;
    }

    private CheckResult completeness(String required) throws InterruptedException {
        String plan = """
                backupSets:
                  - name: shop
                    target: { type: local, path: backups }
                    layout: { namePattern: "b-{yyyy-MM-dd}" }
                    checks: { completeness: { required: [%s] } }
                """.formatted(required);
        return Plans.runSet(plan, dir, NOW).checks().get(0);
    }

    @Test
    void aWholeDirectoryDumpIsARequiredNameThatIsThere() throws Exception {
        Path folder = backup("gzip");
        try (InputStream toc = Files.newInputStream(folder.resolve("toc.dat"))) {
            List<String> named = PgDirectoryToc.read(toc).dataFiles();
            assertThat(named).contains("blobs.toc").anyMatch(name -> name.matches("\\d+\\.dat"));
        }

        assertThat(completeness("shop.d").findings()).isEmpty();
        assertThat(completeness("'*.d', 'shop*'").status()).isEqualTo(Status.PASS);
    }

    @Test
    void anUncompressedDirectoryDumpIsThereToo() throws Exception {
        backup("plain");

        assertThat(completeness("shop.d").findings()).isEmpty();
    }

    @Test
    void aDirectoryDumpMissingADataFileFailsNamingIt() throws Exception {
        Path folder = backup("gzip");
        Path data;
        try (Stream<Path> files = Files.list(folder)) {
            data = files.filter(file -> file.getFileName().toString().matches("\\d+\\.dat\\.gz")).findFirst()
                    .orElseThrow();
        }
        Files.delete(data);

        CheckResult result = completeness("shop.d");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.item()).isEqualTo("b-2026-11-25/shop.d");
            assertThat(finding.message()).contains("missing 1 of the data files its toc.dat names")
                    .contains(data.getFileName().toString().replace(".gz", ""));
        });
    }

    @Test
    void aDirectoryDumpMissingALargeObjectFails() throws Exception {
        Path folder = backup("plain");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path blob : files.filter(file -> file.getFileName().toString().startsWith("blob_")).toList()) {
                Files.delete(blob);
            }
        }

        assertThat(completeness("shop.d").findings()).singleElement().extracting(Finding::message).asString()
                .contains("blob_").contains("pg_restore fails on it");
    }

    @Test
    void aFolderWithoutItsTocOrWithATocCutShortFails() throws Exception {
        Path folder = backup("gzip");
        byte[] toc = Files.readAllBytes(folder.resolve("toc.dat"));
        Files.write(folder.resolve("toc.dat"), java.util.Arrays.copyOf(toc, toc.length / 2));

        CheckResult cut = completeness("shop.d");

        Files.delete(folder.resolve("toc.dat"));
        CheckResult withoutToc = completeness("shop.d");

        assertThat(cut.status()).isEqualTo(Status.FAIL);
        assertThat(cut.findings()).singleElement().extracting(Finding::message).asString()
                .contains("toc.dat is cut short");
        assertThat(withoutToc.status()).isEqualTo(Status.FAIL);
        assertThat(withoutToc.findings()).singleElement().extracting(Finding::message).asString()
                .contains("required file is missing").contains("without toc.dat");
        // the restore finds no dump in that folder either
        assertThat(DumpLocator.locate(List.of("shop.d/3346.dat.gz"), (name, bytes) -> new byte[0], true,
                java.util.Optional.empty(), null).found()).isFalse();
    }

    /** An archive restore whose validation requires the dump folder, as a tar of the backup folder holds it. */
    @Test
    void anArchiveRestoreRequiringTheDumpFolderFindsItWholeOrFailsNamingWhatIsMissing() throws Exception {
        Path folder = backup("gzip");
        Path web = Files.createDirectories(dir.resolve("archives/web-2026-11-25"));
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        String plan = """
                backupSets:
                  - name: web
                    target: { type: local, path: archives }
                    layout: { kind: directory-per-backup, namePattern: "web-{yyyy-MM-dd}" }
                    restoreTest:
                      rto: 10m
                      restore: { kind: archive }
                      validate:
                        - required: [shop.d]
                """;
        tar(folder.getParent(), web.resolve("db.tar"));
        CheckResult whole = io.backupverify.engine.restore.RestoreRuns.restore(plan, dir, scratch);

        try (Stream<Path> files = Files.list(folder)) {
            for (Path blob : files.filter(file -> file.getFileName().toString().startsWith("blob_")).toList()) {
                Files.delete(blob);
            }
        }
        tar(folder.getParent(), web.resolve("db.tar"));
        CheckResult broken = io.backupverify.engine.restore.RestoreRuns.restore(plan, dir, scratch);

        assertThat(whole.status()).as(whole.findings().toString()).isEqualTo(Status.PASS);
        assertThat(broken.status()).isEqualTo(Status.FAIL);
        assertThat(broken.findings()).anySatisfy(finding -> {
            assertThat(finding.item()).endsWith("shop.d");
            assertThat(finding.severity()).isEqualTo(Status.FAIL);
            assertThat(finding.message()).contains("blob_").contains("toc.dat names");
        });
    }

    private static void tar(Path from, Path archive) throws Exception {
        Files.deleteIfExists(archive);
        io.backupverify.engine.restore.RestoreRuns.exec(from, "tar", "-cf", archive.toString(), "shop.d", "schema.sql");
    }
}
