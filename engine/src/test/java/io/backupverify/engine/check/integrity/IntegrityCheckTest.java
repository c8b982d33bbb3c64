package io.backupverify.engine.check.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.check.reading.CutAfterMapping;
import io.backupverify.engine.checksum.ChecksumAlgorithm;
import io.backupverify.engine.target.ForwardingTarget;
import io.backupverify.engine.target.LocalTarget;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityCheckTest {
    private static final String DEFAULTS = "{ sample: 100% }";

    @TempDir
    Path root;
    private BackupArea area;
    private Path latest;

    @BeforeEach
    void healthyBackups() {
        area = newArea(root);
        Path older = area.folder("b-2026-11-24");
        area.write(older, "orders.dump", "yesterday's orders");
        area.write(older, "wal/0001", "wal one");
        area.sha256sums(older, "orders.dump", "wal/0001");
        latest = area.folder("b-2026-11-25");
        area.write(latest, "orders.dump", "today's orders ".repeat(10_000));
        area.write(latest, "wal/0001", "wal one");
        area.write(latest, "wal/0002", "wal two");
        area.sha256sums(latest, "orders.dump", "wal/0001", "wal/0002");
    }

    /**
     * The area the tests build their backups in, integrity made to take its columnar path; subclasses run them all
     * on the streamed path, keeping coverage and not.
     */
    BackupArea newArea(Path folder) {
        return new BackupArea(folder).columnar(true);
    }

    private static List<String> items(CheckResult result) {
        return result.findings().stream().map(Finding::item).toList();
    }

    private static Finding only(CheckResult result) {
        assertThat(result.findings()).hasSize(1);
        return result.findings().get(0);
    }

    @Test
    void healthyBackupPasses() {
        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.findings()).isEmpty();
        assertThat(result.metrics()).containsEntry("verifiedFiles", 3L).containsEntry("listedFiles", 3L)
                .containsEntry("verifiedBytes", 150_000L + 14).containsEntry("missingFiles", 0L)
                .containsEntry("changedFiles", 0L).containsEntry("unlistedFiles", 0L)
                .containsEntry("sampleSlice", 1).containsEntry("sampleSlices", 1).containsEntry("skippedFiles", 0L)
                .containsEntry("backup", "b-2026-11-25").containsKeys("durationMs", "throughputBytesPerSecond");
        assertThat(result.summary()).startsWith("b-2026-11-25: 3 of 3 listed files verified");
    }

    @Test
    void aFlippedBitFails() throws IOException {
        Path dump = latest.resolve("orders.dump");
        byte[] bytes = Files.readAllBytes(dump);
        bytes[70_000] ^= 0x04;
        Files.write(dump, bytes);

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        Finding finding = only(result);
        assertThat(finding.item()).isEqualTo("b-2026-11-25/orders.dump");
        assertThat(finding.message()).startsWith("changed: SHA-256 differs from SHA256SUMS line 1");
        assertThat(result.metrics()).containsEntry("changedFiles", 1L).containsEntry("verifiedFiles", 2L);
        assertThat(result.summary()).endsWith("; 1 changed file");
    }

    @Test
    void aTruncatedFileFails() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(latest.resolve("orders.dump").toFile(), "rw")) {
            file.setLength(4096);
        }
        Files.write(latest.resolve("wal/0002"), new byte[0]);

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::item)
                .containsExactlyInAnyOrder("b-2026-11-25/orders.dump", "b-2026-11-25/wal/0002");
        assertThat(messageFor(result, "b-2026-11-25/wal/0002")).startsWith("truncated: the file is empty");
        assertThat(messageFor(result, "b-2026-11-25/orders.dump")).as("no size to compare with")
                .startsWith("changed: ").contains("4096 bytes");
        assertThat(result.metrics()).containsEntry("truncatedFiles", 1L).containsEntry("changedFiles", 1L);
    }

    @Test
    void aFileCutShortIsCalledTruncatedWhenTheBackupBeforeHoldsTheSameContent() throws IOException {
        Files.writeString(latest.resolve("wal/0001"), "wal");

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(only(result).item()).isEqualTo("b-2026-11-25/wal/0001");
        assertThat(only(result).message()).isEqualTo("truncated: 3 bytes, but b-2026-11-24/wal/0001, listed with "
                + "the same SHA-256 in the backup before, has 7 bytes");
        assertThat(result.metrics()).containsEntry("truncatedFiles", 1L).containsEntry("changedFiles", 0L);
    }

    @Test
    void aFileChangedInPlaceIsNotCalledTruncated() throws IOException {
        Files.writeString(latest.resolve("wal/0001"), "WAL one");

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(only(result).message()).startsWith("changed: SHA-256 differs from SHA256SUMS line 2");
    }

    private static String messageFor(CheckResult result, String item) {
        return result.findings().stream().filter(f -> f.item().equals(item)).findFirst().orElseThrow().message();
    }

    @Test
    void aMissingFileFails() throws IOException {
        Files.delete(latest.resolve("wal/0002"));

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        Finding finding = only(result);
        assertThat(finding.item()).isEqualTo("b-2026-11-25/wal/0002");
        assertThat(finding.message()).isEqualTo("listed in SHA256SUMS line 3 but missing");
        assertThat(result.metrics()).containsEntry("missingFiles", 1L);
    }

    @Test
    void anUnlistedFileWarns() {
        area.write(latest, "stray.tmp", "left over");
        area.write(latest, "MD5SUMS", "not read, and not unlisted either");
        area.write(latest, "SHA256SUMS.asc", "a signature");

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.WARN);
        Finding finding = only(result);
        assertThat(finding.item()).isEqualTo("b-2026-11-25/stray.tmp");
        assertThat(finding.message()).isEqualTo("not listed in SHA256SUMS");
        assertThat(finding.severity()).isEqualTo(Status.WARN);
    }

    @Test
    void oddNamesVerify() {
        Path odd = area.folder("b-2026-11-26");
        List<String> names = List.of("with space .txt", "Ünïcødé 日本.bin", "-rf", "--help", "back\\slash",
                "new\nline", "*star", " leading space", "sub dir/x y.txt");
        for (String name : names) {
            area.write(odd, name, "content of " + name);
        }
        area.sha256sums(odd, names.toArray(new String[0]));

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.findings()).isEmpty();
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("verifiedFiles", (long) names.size());
    }

    @Test
    void manifestsWrittenByCoreutilsVerify() throws Exception {
        assumeTrue(commandExists("sha256sum") && commandExists("md5sum"), "coreutils not installed");
        Path odd = area.folder("b-2026-11-26");
        for (String name : List.of("plain.txt", "with space", "back\\slash", "new\nline", "-dash", "Ünï.txt")) {
            area.write(odd, name, "content of " + name);
        }
        shell(odd, "sha256sum -- * > SHA256SUMS");
        assertThat(Files.readString(odd.resolve("SHA256SUMS"))).contains("\\").contains("\\n");

        assertThat(area.integrity(DEFAULTS).status()).isEqualTo(Status.PASS);

        Files.delete(odd.resolve("SHA256SUMS"));
        shell(odd, "md5sum --tag -- * > MD5SUMS");
        CheckResult tagged = area.integrity(DEFAULTS);
        assertThat(tagged.findings()).isEmpty();
        assertThat(tagged.metrics()).containsEntry("verifiedFiles", 6L);

        Files.delete(odd.resolve("MD5SUMS"));
        shell(odd, "sha512sum -b -- * > SHA512SUMS");
        area.write(odd, "-dash", "changed");
        CheckResult changed = area.integrity(DEFAULTS);
        assertThat(changed.status()).isEqualTo(Status.FAIL);
        assertThat(only(changed).item()).isEqualTo("b-2026-11-26/-dash");
        assertThat(only(changed).message()).contains("SHA-512 differs");
    }

    /** b2sum's lines look like sha512sum's: a healthy backup must not be called changed, nor passed unread. */
    @Test
    void aB2sumManifestIsAnUnsupportedAlgorithmNotAChangedBackup() throws Exception {
        assumeTrue(commandExists("b2sum"), "coreutils not installed");
        Path folder = area.folder("b-2026-11-26");
        area.write(folder, "orders.dump", "orders rows");
        shell(folder, "b2sum orders.dump > B2SUMS");

        CheckResult result = area.integrity("{ manifest: B2SUMS }");

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.findings()).isNotEmpty().allSatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(Status.ERROR);
            assertThat(finding.message()).contains("B2SUMS line 1").contains("BLAKE2b (b2sum)");
        });
    }

    /**
     * pg_dump died before writing a byte (a failed login, a full disk) and the job checksummed what was there:
     * every digest matches, and nothing was backed up.
     */
    @Test
    void aBackupWhoseListedFilesAreAllEmptyDoesNotPass() throws Exception {
        Path folder = area.folder("b-2026-11-26");
        area.write(folder, "orders.dump", "");
        shell(folder, "sha256sum orders.dump > SHA256SUMS");

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(only(result).item()).isEqualTo("b-2026-11-26");
        assertThat(only(result).message()).contains("every listed file is empty").contains("holds nothing");
    }

    private static boolean commandExists(String name) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", "command -v " + name).start();
        return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    private static void shell(Path folder, String command) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", command).directory(folder.toFile()).inheritIO().start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void crlfUpperCaseAndBsdTagManifestsVerify() throws IOException {
        String hex = BackupArea.digest(ChecksumAlgorithm.SHA256, latest.resolve("orders.dump")).toUpperCase();
        String md5 = BackupArea.digest(ChecksumAlgorithm.MD5, latest.resolve("wal/0001"));
        Files.delete(latest.resolve("SHA256SUMS"));
        Files.delete(latest.resolve("wal/0002"));
        area.write(latest, "CHECKSUMS", hex + " *orders.dump\r\nMD5 (wal/0001) = " + md5 + "\r\n");

        CheckResult result = area.integrity("{ manifest: CHECKSUMS }");

        assertThat(result.findings()).isEmpty();
        assertThat(result.metrics()).containsEntry("verifiedFiles", 2L);
    }

    @Test
    void aManifestInASubfolderNamesFilesRelativeToItself() throws IOException {
        Files.delete(latest.resolve("SHA256SUMS"));
        Path meta = area.folder("b-2026-11-25/meta");
        area.write(meta, "CHECKSUMS", BackupArea.gnuLine(ChecksumAlgorithm.SHA256, latest, "orders.dump")
                .replace("  orders.dump", "  ../orders.dump")
                + BackupArea.gnuLine(ChecksumAlgorithm.SHA256, latest, "wal/0001").replace("  wal/", "  ../wal/")
                + BackupArea.gnuLine(ChecksumAlgorithm.SHA256, latest, "wal/0002").replace("  wal/", "  ../wal/"));

        CheckResult result = area.integrity("{ manifest: meta/CHECKSUMS }");

        assertThat(result.findings()).isEmpty();
        assertThat(result.metrics()).containsEntry("verifiedFiles", 3L);
    }

    @Test
    void aManifestListingItselfIsNotReadAgainstItself() throws IOException {
        String sums = Files.readString(latest.resolve("SHA256SUMS"));
        area.write(latest, "SHA256SUMS", sums + "0".repeat(64) + "  SHA256SUMS\n");

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).as("a note, not a warning").isEqualTo(Status.PASS);
        assertThat(only(result).severity()).isEqualTo(Status.PASS);
        assertThat(only(result).message()).isEqualTo("SHA256SUMS line 4 lists the manifest itself, which cannot "
                + "hold its own checksum; not read");
        assertThat(result.metrics()).containsEntry("verifiedFiles", 3L);
    }

    @Test
    void aLinkOutOfTheBackupIsReportedAndNotFollowed() throws IOException {
        Path outside = area.write(Files.createDirectories(root.resolve("elsewhere")), "secret", "not backup data");
        Files.createSymbolicLink(latest.resolve("unlisted-link"), outside);
        RecordingTarget[] recording = new RecordingTarget[1];
        area.wrapTarget(target -> recording[0] = new RecordingTarget(target, Set.of()));

        CheckResult unlisted = area.integrity(DEFAULTS);

        assertThat(unlisted.status()).isEqualTo(Status.WARN);
        assertThat(only(unlisted).item()).isEqualTo("b-2026-11-25/unlisted-link");
        assertThat(only(unlisted).message()).contains("pointing outside the backup").contains("not followed");

        area.write(latest, "SHA256SUMS", Files.readString(latest.resolve("SHA256SUMS"))
                + BackupArea.digest(ChecksumAlgorithm.SHA256, outside) + "  unlisted-link\n");
        CheckResult listed = area.integrity(DEFAULTS);

        assertThat(listed.status()).isEqualTo(Status.FAIL);
        assertThat(only(listed).item()).isEqualTo("b-2026-11-25/unlisted-link");
        assertThat(only(listed).message()).contains("symbolic link pointing outside the backup");
        assertThat(recording[0].opened).noneMatch(path -> path.contains("elsewhere") || path.contains("link"));
    }

    @Test
    void aListedLinkInsideTheBackupIsVerifiedThroughTheFileItNames() throws IOException {
        Files.createSymbolicLink(latest.resolve("current.dump"), Path.of("orders.dump"));
        area.write(latest, "SHA256SUMS", Files.readString(latest.resolve("SHA256SUMS"))
                + BackupArea.digest(ChecksumAlgorithm.SHA256, latest.resolve("orders.dump")) + "  current.dump\n");

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.findings()).isEmpty();
        assertThat(result.metrics()).containsEntry("verifiedFiles", 4L);
    }

    @Test
    void aReadTimingOutIsAnErrorForThatFileAndTheOthersAreStillRead() {
        area.wrapTarget(target -> new RecordingTarget(target, Set.of("b-2026-11-25/wal/0001"),
                () -> new java.net.SocketTimeoutException("Read timed out")));
        area.write(latest, "notes.txt", "an unlisted file, so that there is a warning beside the timeout");

        CheckResult result = area.integrity("{ sample: 100% }");

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(messageFor(result, "b-2026-11-25/wal/0001")).contains("Read timed out");
        assertThat(result.metrics()).containsEntry("unreadableFiles", 1L).containsEntry("verifiedFiles", 2L);
    }

    @Test
    void namesThatLeaveTheBackupAreReportedAndNotRead() throws IOException {
        RecordingTarget[] recording = new RecordingTarget[1];
        area.wrapTarget(target -> recording[0] = new RecordingTarget(target, Set.of()));
        String hex = BackupArea.digest(ChecksumAlgorithm.SHA256, root.resolve("b-2026-11-24/orders.dump"));
        area.write(latest, "SHA256SUMS", Files.readString(latest.resolve("SHA256SUMS"))
                + hex + "  ../b-2026-11-24/orders.dump\n" + hex + "  /etc/passwd\n");

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).hasSize(2).allSatisfy(finding -> {
            assertThat(finding.item()).isEqualTo("b-2026-11-25/SHA256SUMS");
            assertThat(finding.message()).contains("outside the backup; not read");
        });
        assertThat(result.findings().get(0).message()).contains("line 4");
        assertThat(recording[0].opened).noneMatch(path -> path.contains("b-2026-11-24") || path.contains("etc"));
        assertThat(result.metrics()).containsEntry("refusedEntries", 2L).containsEntry("verifiedFiles", 3L);
    }

    @Test
    void aFolderOrPipeListedAsAFileIsNotRead() throws Exception {
        Files.createDirectories(latest.resolve("adir"));
        String hex = BackupArea.digest(ChecksumAlgorithm.SHA256, latest.resolve("wal/0001"));
        String extra = hex + "  adir\n";
        boolean pipe = commandExists("mkfifo");
        if (pipe) {
            shell(latest, "mkfifo pipe");
            extra += hex + "  pipe\n";
        }
        area.write(latest, "SHA256SUMS", Files.readString(latest.resolve("SHA256SUMS")) + extra);

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(messageFor(result, "b-2026-11-25/adir")).isEqualTo("listed in SHA256SUMS line 4 but is a folder");
        if (pipe) {
            assertThat(messageFor(result, "b-2026-11-25/pipe")).contains("not a regular file");
        }
    }

    @Test
    void aFileThatCannotBeReadIsAnErrorForThatFile() {
        area.wrapTarget(target -> new RecordingTarget(target, Set.of("b-2026-11-25/wal/0001")));

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.ERROR);
        Finding finding = only(result);
        assertThat(finding.item()).isEqualTo("b-2026-11-25/wal/0001");
        assertThat(finding.message()).isEqualTo("cannot read: Input/output error");
        assertThat(finding.severity()).isEqualTo(Status.ERROR);
        assertThat(result.metrics()).containsEntry("verifiedFiles", 2L).containsEntry("unreadableFiles", 1L);
    }

    @Test
    void aLargeFileCutShortWhileMappedIsAnErrorForThatFileNotACrashOrAPass() throws IOException {
        byte[] content = new byte[3 << 20];
        new java.util.Random(13).nextBytes(content);
        Files.write(latest.resolve("base.tar"), content);
        area.sha256sums(latest, "orders.dump", "wal/0001", "wal/0002", "base.tar");
        Path big = latest.resolve("base.tar");
        area.wrapTarget(target -> new ForwardingTarget(target) {
            @Override
            public Optional<FileChannel> openLocalFile(String path) throws IOException {
                if (!path.equals("b-2026-11-25/base.tar")) {
                    return target.openLocalFile(path);
                }
                // The backup job cuts the file short right after the reader has mapped it.
                return Optional.of(new CutAfterMapping(FileChannel.open(big),
                        FileChannel.open(big, StandardOpenOption.WRITE), 4096));
            }
        });

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.ERROR);
        Finding finding = only(result);
        assertThat(finding.item()).isEqualTo("b-2026-11-25/base.tar");
        assertThat(finding.message()).startsWith("cannot read: ").contains("shrank while it was being read");
        assertThat(result.metrics()).containsEntry("verifiedFiles", 3L).containsEntry("unreadableFiles", 1L);
    }

    @Test
    void aManifestThatCannotBeReadIsAnError() {
        area.wrapTarget(target -> new RecordingTarget(target, Set.of("b-2026-11-25/SHA256SUMS")));

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(only(result).item()).isEqualTo("b-2026-11-25/SHA256SUMS");
        assertThat(only(result).message()).isEqualTo("cannot read the checksum file: Input/output error");
    }

    @Test
    void aFileWithoutReadPermissionIsAnError() throws IOException {
        Path wal = latest.resolve("wal/0002");
        Files.setPosixFilePermissions(wal, PosixFilePermissions.fromString("---------"));
        try {
            assumeTrue(!Files.isReadable(wal), "running as root: permissions do not stop reads; the command-line "
                    + "test UnreadableFileIT runs this case as the unprivileged user nobody");

            CheckResult result = area.integrity(DEFAULTS);

            assertThat(result.status()).isEqualTo(Status.ERROR);
            assertThat(only(result).message()).startsWith("cannot read: permission denied");
        } finally {
            Files.setPosixFilePermissions(wal, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void anAbsentManifestFails() throws IOException {
        Files.delete(latest.resolve("SHA256SUMS"));

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(only(result).item()).isEqualTo("b-2026-11-25");
        assertThat(only(result).message()).startsWith("no checksum manifest: looked for SHA256SUMS");
        assertThat(result.metrics()).containsEntry("verifiedFiles", 0L).containsEntry("unlistedFiles", 0L);
    }

    @Test
    void aNamedManifestThatIsAbsentFails() {
        CheckResult result = area.integrity("{ manifest: SHA512SUMS }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(only(result).message()).isEqualTo("checksum manifest SHA512SUMS is missing from the backup");
    }

    @Test
    void anEmptyManifestFails() {
        area.write(latest, "SHA256SUMS", "");

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(only(result).message()).isEqualTo("checksum file is empty: it lists no files");
        assertThat(result.status()).isNotEqualTo(Status.PASS);
    }

    @Test
    void aGarbledManifestIsAnErrorNamingTheLine() throws IOException {
        area.write(latest, "SHA256SUMS", Files.readString(latest.resolve("SHA256SUMS")) + "garbage here\n");

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(only(result).item()).isEqualTo("b-2026-11-25/SHA256SUMS");
        assertThat(only(result).message()).startsWith("b-2026-11-25/SHA256SUMS line 4: not a checksum line");
        assertThat(result.metrics()).containsEntry("verifiedFiles", 3L);
    }

    @Test
    void aFileThatIsNotAManifestAtAllIsAnError() {
        byte[] binary = new byte[100_000];
        new java.util.Random(7).nextBytes(binary);
        area.write(latest, "SHA256SUMS", binary);

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.findings()).anySatisfy(finding ->
                assertThat(finding.message()).contains("this is not a checksum manifest"));
        assertThat(result.findings()).noneMatch(finding -> finding.severity() == Status.WARN);
    }

    @Test
    void sidecarsInsideABackupFolderAreUsedWhenThereIsNoManifest() throws IOException {
        Files.delete(latest.resolve("SHA256SUMS"));
        area.write(latest, "orders.dump.sha256",
                BackupArea.digest(ChecksumAlgorithm.SHA256, latest.resolve("orders.dump")) + "\n");
        area.write(latest, "wal/0001.md5", BackupArea.gnuLine(ChecksumAlgorithm.MD5, latest.resolve("wal"), "0001"));

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(only(result).item()).isEqualTo("b-2026-11-25/wal/0002");
        assertThat(only(result).message()).isEqualTo("has no checksum sidecar");
        assertThat(result.metrics()).containsEntry("verifiedFiles", 2L);
    }

    @Test
    void scopeAllReadsEveryBackup() throws IOException {
        area.write(root.resolve("b-2026-11-24"), "orders.dump", "yesterday's ordeRs");

        assertThat(area.integrity("{ scope: latest }").status()).isEqualTo(Status.PASS);
        CheckResult all = area.integrity("{ scope: all }");

        assertThat(all.status()).isEqualTo(Status.FAIL);
        assertThat(items(all)).containsExactly("b-2026-11-24/orders.dump");
        assertThat(all.metrics()).containsEntry("backups", 2).containsEntry("verifiedFiles", 4L);
        assertThat(all.summary()).startsWith("2 backups: 4 of 5 listed files verified");
    }

    @Test
    void noBackupIsAFailure() throws IOException {
        CheckResult result = newArea(Files.createDirectories(root.resolve("empty"))).integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.FAIL);
    }

    /** Runs the check for consecutive run numbers and counts how often each data file was opened. */
    private Map<String, Integer> readsOverRuns(String integrity, long firstRun, int runs,
            BiConsumer<Long, CheckResult> eachRun) {
        Map<String, Integer> reads = new HashMap<>();
        for (long run = firstRun; run < firstRun + runs; run++) {
            RecordingTarget recording = new RecordingTarget(new LocalTarget(root), Set.of());
            area.wrapTarget(target -> recording);
            CheckResult result = area.integrity(integrity, run);

            assertThat(result.status()).isEqualTo(Status.PASS);
            eachRun.accept(run, result);
            recording.opened.stream().filter(path -> !path.endsWith("SHA256SUMS"))
                    .forEach(path -> reads.merge(path, 1, Integer::sum));
        }
        return reads;
    }

    @Test
    void aSampleReadsEachFileExactlyOnceOverItsRuns() {
        Path many = area.folder("b-2026-11-26");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            names.add("part-" + i + ".bin");
            area.write(many, names.get(i), "part " + i);
        }
        area.sha256sums(many, names.toArray(new String[0]));
        AtomicLong skipped = new AtomicLong();

        Map<String, Integer> reads = readsOverRuns("{ sample: 10% }", 500, 10, (run, result) -> {
            assertThat(result.metrics()).containsEntry("sampleSlice", (int) (run % 10) + 1)
                    .containsEntry("sampleSlices", 10);
            assertThat(result.summary()).contains("sample " + (run % 10 + 1) + "/10");
            skipped.addAndGet((Long) result.metrics().get("skippedFiles"));
        });

        assertThat(reads).hasSize(60);
        assertThat(reads.values()).containsOnly(1);
        assertThat(skipped).hasValue(60 * 9);
    }

    @Test
    void aSampleOverAllBackupsReadsEachBackupsFilesExactlyOnceAndSpreadsThem() {
        for (int day = 1; day <= 9; day++) {
            Path backup = area.folder("b-2026-10-0" + day);
            area.write(backup, "orders.dump", "orders of day " + day);
            area.write(backup, "schema.sql", "schema");
            area.sha256sums(backup, "orders.dump", "schema.sql");
        }
        List<Long> readPerRun = new ArrayList<>();

        Map<String, Integer> reads = readsOverRuns("{ sample: 25%, scope: all }", 0, 4,
                (run, result) -> readPerRun.add((Long) result.metrics().get("verifiedFiles")));

        assertThat(reads).hasSize(9 * 2 + 5);
        assertThat(reads.values()).containsOnly(1);
        assertThat(readPerRun).allSatisfy(count -> assertThat(count).isPositive());
    }

    @Test
    void aDumpNamedByTheDayOfItsBackupIsReadOnceEveryTRunsAsTheNewest() throws IOException {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).filter(path -> !path.equals(root)).forEach(path ->
                    path.toFile().delete());
        }
        List<Integer> dumpReadOn = new ArrayList<>();
        for (int day = 1; day <= 20; day++) {
            String date = String.format("2026-10-%02d", day);
            Path backup = area.folder("b-" + date);
            area.write(backup, "orders-" + date + ".dump", "orders of day " + day);
            area.sha256sums(backup, "orders-" + date + ".dump");

            CheckResult result = area.integrity("{ sample: 25% }", day);

            assertThat(result.metrics()).containsEntry("backup", "b-" + date);
            if ((Long) result.metrics().get("verifiedFiles") == 1L) {
                dumpReadOn.add(day);
            }
        }

        assertThat(dumpReadOn).as("4 slices, run number = day: the newest dump is read every 4th day")
                .hasSize(5);
        for (int i = 1; i < dumpReadOn.size(); i++) {
            assertThat(dumpReadOn.get(i) - dumpReadOn.get(i - 1)).isEqualTo(4);
        }
    }

    @Test
    void aRunWhoseSliceHoldsNoListedFileWarnsInsteadOfPassingOnNothingRead() throws IOException {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).filter(path -> !path.equals(root)).forEach(path ->
                    path.toFile().delete());
        }
        Path backup = area.folder("b-2026-10-01");
        area.write(backup, "orders.dump", "orders");
        area.sha256sums(backup, "orders.dump");
        int readingSlice = SampleSelector.sliceOf("orders.dump", 4);

        for (long run = 0; run < 4; run++) {
            CheckResult result = area.integrity("{ sample: 25% }", run);

            if (run == readingSlice) {
                assertThat(result.status()).isEqualTo(Status.PASS);
                assertThat(result.metrics()).containsEntry("verifiedFiles", 1L);
            } else {
                assertThat(result.status()).isEqualTo(Status.WARN);
                assertThat(items(result)).containsExactly("(sample)");
                assertThat(result.findings().get(0).message()).contains("sample " + (run + 1) + "/4")
                        .contains("none of the 1 listed files");
            }
        }
    }

    @Test
    void aSampleStillReportsMissingFilesItDoesNotRead() throws IOException {
        Files.delete(latest.resolve("wal/0002"));
        for (long run = 0; run < 4; run++) {
            CheckResult result = area.integrity("{ sample: 25% }", run);

            assertThat(result.status()).isEqualTo(Status.FAIL);
            assertThat(items(result)).containsExactly("b-2026-11-25/wal/0002");
        }
    }

    @Test
    void reportsProgressWithTotalsFirst() {
        List<String> events = new ArrayList<>();
        AtomicLong files = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        area.progress(new Progress() {
            @Override
            public synchronized void begin(String setName, String checkId, long totalFiles, long totalBytes) {
                events.add("begin " + setName + " " + checkId + " " + totalFiles + " " + totalBytes);
            }

            @Override
            public void advance(long moreFiles, long moreBytes) {
                files.addAndGet(moreFiles);
                bytes.addAndGet(moreBytes);
            }

            @Override
            public synchronized void end() {
                events.add("end");
            }
        });

        area.integrity(DEFAULTS);

        // Made to take the columnar path, integrity first tries to stream, and ends that try before it reads.
        assertThat(events).endsWith("begin test integrity 3 150014", "end");
        assertThat(events).filteredOn(event -> event.startsWith("begin")).hasSizeLessThanOrEqualTo(2);
        assertThat(files).hasValue(3);
        assertThat(bytes).hasValue(150_014);
    }

    @Test
    void readsWithOneThreadAsWithMany() {
        assertThat(area.threads(1).integrity(DEFAULTS).status()).isEqualTo(Status.PASS);
        area.write(latest, "wal/0001", "WAL ONE");
        assertThat(area.threads(8).integrity(DEFAULTS).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void manyBadFilesAreCountedButListedOnlyUpToALimit() {
        Path many = area.folder("b-2026-11-26");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Findings.LISTED_PER_KIND + 50; i++) {
            names.add("f" + i);
            area.write(many, "f" + i, "x" + i);
        }
        area.sha256sums(many, names.toArray(new String[0]));
        names.forEach(name -> area.write(many, name, "tampered " + name));

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.metrics()).containsEntry("changedFiles", (long) names.size());
        assertThat(result.findings()).hasSize(Findings.LISTED_PER_KIND + 1);
        assertThat(result.findings().get(Findings.LISTED_PER_KIND).message())
                .isEqualTo("50 more changed files not listed here");
    }

    @Test
    void sidecarsOfMixedAlgorithmsEachCheckTheirOwnFile() throws IOException {
        Path mixed = area.folder("b-2026-11-26");
        ChecksumAlgorithm[] kinds = {ChecksumAlgorithm.SHA256, ChecksumAlgorithm.MD5, ChecksumAlgorithm.SHA512,
            ChecksumAlgorithm.SHA1};
        for (int i = 0; i < 40; i++) {
            ChecksumAlgorithm kind = kinds[i % 7 % kinds.length];
            Path file = area.write(mixed, "d" + i % 3 + "/f" + i, "content " + i);
            area.write(mixed, "d" + i % 3 + "/f" + i + "." + kind.name().toLowerCase(java.util.Locale.ROOT),
                    BackupArea.digest(kind, file) + "\n");
        }
        assertThat(area.integrity(DEFAULTS).status()).isEqualTo(Status.PASS);
        area.write(mixed, "d2/f17", "content 71");

        CheckResult result = area.integrity(DEFAULTS);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(items(result)).containsExactly("b-2026-11-26/d2/f17");
        assertThat(result.metrics()).containsEntry("verifiedFiles", 39L).containsEntry("listedFiles", 40L);
    }

    @Test
    void overEveryBackupEachMissingChangedAndExtraFileIsNamedInItsOwnBackup() throws IOException {
        Path third = area.folder("b-2026-11-26");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            names.add("part-" + i);
            area.write(third, "part-" + i, "part " + i);
        }
        area.sha256sums(third, names.toArray(new String[0]));
        assertThat(area.integrity("{ scope: all }").status()).isEqualTo(Status.PASS);
        Files.delete(third.resolve("part-150"));
        area.write(third, "part-299", "part 2999");
        area.write(latest, "stray.tmp", "not listed");
        Files.delete(root.resolve("b-2026-11-24").resolve("wal/0001"));

        CheckResult result = area.integrity("{ scope: all }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(items(result)).containsExactlyInAnyOrder("b-2026-11-24/wal/0001", "b-2026-11-26/part-150",
                "b-2026-11-26/part-299", "b-2026-11-25/stray.tmp");
        assertThat(result.metrics()).containsEntry("verifiedFiles", 1L + 3 + 298)
                .containsEntry("missingFiles", 2L).containsEntry("changedFiles", 1L)
                .containsEntry("unlistedFiles", 1L);
    }
}
