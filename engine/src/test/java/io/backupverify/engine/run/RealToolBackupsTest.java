package io.backupverify.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.testing.Commands;
import io.backupverify.engine.testing.Plans;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups and manifests made by the real tools (sha256sum, find, rsync, tar, zstd), verified end to end. */
class RealToolBackupsTest {
    private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
    private static final String FOLDERS = """
            backupSets:
              - name: nightly
                target: { type: local, path: backups }
                layout: { kind: directory-per-backup, namePattern: "nightly-{yyyy-MM-dd}" }
                checks:
                  integrity: { %s }
            """;

    @TempDir
    Path dir;
    private Path backup;

    @BeforeEach
    void backupFolder() throws IOException {
        backup = Files.createDirectories(dir.resolve("backups/nightly-2026-11-29"));
        Files.writeString(backup.resolve("db.dump"), "a database dump ".repeat(1000));
        Files.createDirectories(backup.resolve("wal"));
        Files.writeString(backup.resolve("wal/0001"), "write-ahead log");
    }

    private static String sh(Path in, String script) {
        return Commands.require("sh", "-c", "cd '" + in + "' && " + script);
    }

    private CheckResult integrity(String spec) throws InterruptedException {
        return Plans.runSet(FOLDERS.formatted(spec), dir, NOW).checks().get(0);
    }

    private static void flipByte(Path file, long at) throws IOException {
        try (RandomAccessFile data = new RandomAccessFile(file.toFile(), "rw")) {
            data.seek(at);
            int b = data.read();
            data.seek(at);
            data.write(b ^ 0x10);
        }
    }

    @Test
    void absolutePathsInsideTheBackupAreVerifiedAsItsFiles() throws Exception {
        sh(backup, "sha256sum \"$PWD\"/db.dump \"$PWD\"/wal/0001 > SHA256SUMS");
        assertThat(Files.readString(backup.resolve("SHA256SUMS"))).contains("  /");

        CheckResult clean = integrity("");
        assertThat(clean.status()).as(clean.findings().toString()).isEqualTo(Status.PASS);
        assertThat(clean.metrics()).containsEntry("verifiedFiles", 2L);
        assertThat(clean.findings()).singleElement().satisfies(note -> {
            assertThat(note.severity()).isEqualTo(Status.PASS);
            assertThat(note.message()).contains("absolute paths").contains(backup.toString());
        });

        flipByte(backup.resolve("db.dump"), 500);
        CheckResult corrupt = integrity("");
        assertThat(corrupt.status()).isEqualTo(Status.FAIL);
        assertThat(corrupt.findings()).filteredOn(f -> f.severity() == Status.FAIL).extracting(Finding::item)
                .containsExactly("nightly-2026-11-29/db.dump");
    }

    @Test
    void anAbsolutePathElsewhereFailsSayingWhereItPoints() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("passwd"), "not part of the backup");
        sh(backup, "sha256sum db.dump wal/0001 '" + elsewhere.resolve("passwd") + "' > SHA256SUMS");

        CheckResult result = integrity("");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).filteredOn(f -> f.severity() == Status.FAIL).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains(elsewhere.resolve("passwd").toString())
                        .contains("outside the backup; not read").contains(backup.toString()));
        assertThat(result.metrics()).containsEntry("verifiedFiles", 2L);
    }

    @Test
    void aManifestFindListsItselfIsANoteNotAWarning() throws Exception {
        sh(backup, "find . -type f -exec sha256sum {} + > SHA256SUMS");
        assertThat(Files.readString(backup.resolve("SHA256SUMS"))).contains("./SHA256SUMS");

        CheckResult result = integrity("");

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.findings()).singleElement().satisfies(note -> {
            assertThat(note.severity()).isEqualTo(Status.PASS);
            assertThat(note.message()).contains("lists the manifest itself");
        });
    }

    @Test
    void aFindManifestOfAnEmptyBackupListsOnlyItselfAndFails() throws Exception {
        sh(backup, "rm -r db.dump wal && find . -type f -exec sha256sum {} + > SHA256SUMS");
        assertThat(Files.readString(backup.resolve("SHA256SUMS"))).contains("./SHA256SUMS");

        CheckResult result = integrity("");

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).filteredOn(f -> f.severity() == Status.FAIL).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("lists no file but itself"));
        assertThat(result.metrics()).containsEntry("backupsWithoutChecksums", 1L);
    }

    @Test
    void aManifestListingOnlyItselfBesideDataFilesFails() throws Exception {
        sh(backup, ": > SHA256SUMS && sha256sum SHA256SUMS > sums && mv sums SHA256SUMS");

        CheckResult result = integrity("");

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.FAIL);
    }

    @Test
    void anRsyncMirrorWithLinksOutOfTheSnapshotPassesWithIgnore() throws Exception {
        Path source = Files.createDirectories(dir.resolve("source/srv/app"));
        Files.writeString(source.resolve("config.yaml"), "port: 8080");
        Files.createDirectories(source.resolve("lib"));
        Files.writeString(source.resolve("lib/app.jar"), "jar bytes");
        Files.createSymbolicLink(source.resolve("lib/current"), Path.of("../../../shared/app-1.2.jar"));
        Path mirror = dir.resolve("backups/nightly-2026-11-29");
        Commands.require("rm", "-r", mirror.toString());
        Commands.require("rsync", "-a", source + "/", mirror + "/");
        sh(mirror, "find . -type f ! -name SHA256SUMS -exec sha256sum {} + > SHA256SUMS");
        Files.writeString(mirror.resolve("app.pid"), "4242");

        CheckResult strict = integrity("");
        assertThat(strict.status()).isEqualTo(Status.WARN);
        assertThat(strict.findings()).extracting(Finding::item)
                .containsExactlyInAnyOrder("nightly-2026-11-29/lib/current", "nightly-2026-11-29/app.pid");

        CheckResult ignoring = integrity("ignore: [lib/current, \"*.pid\"]");
        assertThat(ignoring.status()).as(ignoring.findings().toString()).isEqualTo(Status.PASS);
        assertThat(ignoring.metrics()).containsEntry("verifiedFiles", 2L);
    }

    @Test
    void aZstdTarballWithATaggedSidecarVerifies() throws Exception {
        Path files = Files.createDirectories(dir.resolve("archives"));
        String plan = """
                backupSets:
                  - name: tarballs
                    target: { type: local, path: archives }
                    layout: { kind: file-per-backup, namePattern: "db-{yyyy-MM-dd}.tar.zst" }
                    checks:
                      integrity: {}
                """;
        sh(dir, "tar -C backups -cf - nightly-2026-11-29 | zstd -q -o archives/db-2026-11-29.tar.zst");
        sh(files, "sha256sum --tag db-2026-11-29.tar.zst > db-2026-11-29.tar.zst.sha256");
        assertThat(Files.readString(files.resolve("db-2026-11-29.tar.zst.sha256"))).startsWith("SHA256 (");

        CheckResult clean = Plans.runSet(plan, dir, NOW).checks().get(0);
        assertThat(clean.status()).as(clean.findings().toString()).isEqualTo(Status.PASS);

        flipByte(files.resolve("db-2026-11-29.tar.zst"), 20);
        CheckResult corrupt = Plans.runSet(plan, dir, NOW).checks().get(0);
        assertThat(corrupt.status()).isEqualTo(Status.FAIL);
        assertThat(corrupt.findings()).extracting(Finding::item).containsExactly("db-2026-11-29.tar.zst");
    }

    @Test
    void anRsyncMirrorKeepingSourceTimesCannotBeTimedUnlessAMarkerSays() throws Exception {
        Path source = Files.createDirectories(dir.resolve("source"));
        Files.writeString(source.resolve("old.txt"), "written long ago");
        Files.writeString(source.resolve("new.txt"), "written at the backup");
        Commands.require("touch", "-d", "1996-05-01 12:00", source.resolve("old.txt").toString());
        Commands.require("touch", "-d", "2026-11-29 01:30Z", source.resolve("new.txt").toString());
        Path mirror = dir.resolve("backups/nightly-2026-11-29");
        Commands.require("rm", "-r", mirror.toString());
        Commands.require("rsync", "-a", source + "/", mirror + "/");
        String plan = FOLDERS.replace("integrity: { %s }", "window: { start: \"01:00\", end: \"05:00\", maxDuration: 2h }");

        CheckResult untimed = Plans.runSet(plan, dir, NOW).checks().get(0);
        assertThat(untimed.status()).isEqualTo(Status.ERROR);
        assertThat(untimed.findings()).singleElement().satisfies(finding ->
                assertThat(finding.message()).startsWith("cannot tell when this backup ran").contains("rsync"));

        Files.writeString(mirror.resolve("backup-info.json"),
                "{\"start\": \"2026-11-29T01:00:00Z\", \"end\": \"2026-11-29T01:40:00Z\"}");
        CheckResult timed = Plans.runSet(plan, dir, NOW).checks().get(0);
        assertThat(timed.status()).as(timed.findings().toString()).isEqualTo(Status.PASS);
    }
}
