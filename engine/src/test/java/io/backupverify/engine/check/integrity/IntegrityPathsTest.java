package io.backupverify.engine.check.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.FileCoverage;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.checksum.ChecksumAlgorithm;
import io.backupverify.engine.testing.SameVerdicts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.ForwardingTarget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.function.Consumer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same backups through both paths of integrity: the columnar one (made to run, as the reference) and the
 * streamed merge of listing and manifest, in a run that keeps no coverage and in one that keeps it for the ledger.
 * All must give the same status, summary, findings and figures, and the same ledger keys, verified alike; the
 * streamed path must really run where listing and manifest are in path order, and step aside where they are not.
 */
class IntegrityPathsTest {
    private static final String ALL = "{ sample: 100% }";

    @TempDir
    Path root;
    private BackupArea area;
    private Path latest;

    @BeforeEach
    void backups() {
        area = new BackupArea(root);
        Path older = area.folder("b-2026-11-24");
        area.write(older, "data/a.bin", "older a");
        area.sha256sums(older, "data/a.bin");
        latest = area.folder("b-2026-11-25");
    }

    /** Files named f0000 … in folders of 100, with a sorted SHA256SUMS; more than one batch of reads. */
    private List<String> manyFiles(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("d%02d/f%04d.dat", i / 100, i);
            area.write(latest, name, "file " + i + "\n");
            names.add(name);
        }
        return names;
    }

    private void sums(List<String> names) {
        area.sha256sums(latest, names.toArray(new String[0]));
    }

    private void appendLine(String line) throws IOException {
        Files.writeString(latest.resolve("SHA256SUMS"), Files.readString(latest.resolve("SHA256SUMS")) + line);
    }

    private static String hex(char c) {
        return String.valueOf(c).repeat(64);
    }

    /** Runs both paths and checks they agree; returns the streamed run's result. */
    private CheckResult bothPaths(String integrity, boolean streamed) {
        return bothPaths(integrity, streamed, 0);
    }

    /**
     * Runs the columnar path (made to, as a reference), then the streamed one without and with coverage kept: all
     * three must agree, and the streamed run with coverage must give the ledger the same keys, verified the same.
     */
    private CheckResult bothPaths(String integrity, boolean streamed, long runNumber) {
        List<Long> totals = new ArrayList<>();
        area.progress(new Progress() {
            @Override
            public void begin(String setName, String checkId, long files, long bytes) {
                totals.add(files);
            }
        });
        CheckResult columnar = area.columnar(true).keepsCoverage(true).integrity(integrity, runNumber);
        assertThat(totals).as("the columnar path (which knows its totals) ran last").last().isNotEqualTo(-1L);
        area.columnar(false).progress(Progress.NONE);
        CheckResult merged = area.keepsCoverage(false).integrity(integrity, runNumber);
        CheckResult ledgered = area.keepsCoverage(true).integrity(integrity, runNumber);
        assertThat(columnar.coverage()).as("the columnar path keeps coverage").isPresent();
        assertThat(merged.coverage().isEmpty()).as("the streamed path ran").isEqualTo(streamed);
        SameVerdicts.assertSame(merged, columnar);
        SameVerdicts.assertSame(ledgered, columnar);
        FileCoverage expected = columnar.coverage().orElseThrow();
        FileCoverage kept = ledgered.coverage().orElseThrow();
        assertThat(kept.listed()).as("ledger keys").containsExactlyElementsOf(expected.listed());
        assertThat(kept.verified()).as("verified ledger keys").isEqualTo(expected.verified());
        return merged;
    }

    @Test
    void aHealthyBackupOfManyFiles() {
        sums(manyFiles(2500));

        CheckResult result = bothPaths(ALL, true);

        assertThat(result.metrics()).containsEntry("verifiedFiles", 2500L);
    }

    @Test
    void missingExtraCorruptAndTruncatedFiles() throws IOException {
        List<String> names = manyFiles(1500);
        sums(names);
        Files.delete(latest.resolve(names.get(7)));
        Files.delete(latest.resolve(names.get(1499)));
        area.write(latest, "d03/extra.dat", "not in the manifest");
        area.write(latest, "zz-last.dat", "after every listed name");
        area.write(latest, names.get(1200), "file 1200 but changed");
        area.write(latest, names.get(40), new byte[0]);
        appendLine(hex('a') + "  zzz/not-there.dat\n");

        CheckResult result = bothPaths(ALL, true);

        assertThat(result.metrics()).containsEntry("missingFiles", 3L).containsEntry("unlistedFiles", 2L)
                .containsEntry("changedFiles", 1L).containsEntry("truncatedFiles", 1L);
    }

    @Test
    void manyUnlistedFilesAreCountedBeyondThoseListed() {
        List<String> names = manyFiles(600);
        sums(names.subList(0, 100));

        CheckResult result = bothPaths(ALL, true);

        assertThat(result.metrics()).containsEntry("unlistedFiles", 500L);
    }

    @Test
    void aNameListedTwiceWithDifferentDigests() throws IOException {
        sums(manyFiles(3));
        appendLine(hex('b') + "  d00/f0002.dat\n");
        sortManifest();

        CheckResult result = bothPaths(ALL, true);

        assertThat(result.metrics()).containsEntry("changedFiles", 1L).containsEntry("listedFiles", 4L);
    }

    @Test
    void aNameListedTwiceWithTheSameDigest() throws IOException {
        List<String> names = manyFiles(3);
        sums(names);
        appendLine(BackupArea.gnuLine(ChecksumAlgorithm.SHA256, latest, names.get(1)));
        sortManifest();

        CheckResult result = bothPaths(ALL, true);

        assertThat(result.metrics()).containsEntry("verifiedFiles", 4L);
    }

    private void sortManifest() throws IOException {
        Path manifest = latest.resolve("SHA256SUMS");
        List<String> lines = new ArrayList<>(Files.readAllLines(manifest));
        lines.sort((a, b) -> a.substring(66).compareTo(b.substring(66)));
        Files.write(manifest, lines);
    }

    @Test
    void namesThatDifferOnlyInUnicodeNormalisation() {
        String composed = Normalizer.normalize("café.txt", Normalizer.Form.NFC);
        String decomposed = Normalizer.normalize("café.txt", Normalizer.Form.NFD);
        area.write(latest, decomposed, "coffee");
        area.write(latest, "other.txt", "other");
        Path manifest = area.sha256sums(latest, decomposed, "other.txt");
        area.write(latest, "SHA256SUMS", readString(manifest).replace(decomposed, composed));

        CheckResult result = bothPaths(ALL, true);

        assertThat(result.metrics()).containsEntry("missingFiles", 1L).containsEntry("unlistedFiles", 1L);
    }

    @Test
    void namesThatDifferOnlyInCase() {
        area.write(latest, "README.txt", "read me");
        area.write(latest, "data.txt", "data");
        Path manifest = area.sha256sums(latest, "README.txt", "data.txt");
        area.write(latest, "SHA256SUMS", readString(manifest).replace("README.txt", "Readme.txt"));

        CheckResult result = bothPaths(ALL, true);

        assertThat(result.metrics()).containsEntry("missingFiles", 1L).containsEntry("unlistedFiles", 1L);
    }

    @Test
    void namesOutsideTheBackupAFolderAndTheManifestItself() throws IOException {
        sums(manyFiles(5));
        appendLine(hex('c') + "  ../b-2026-11-24/data/a.bin\n");
        appendLine(hex('d') + "  d00\n");
        appendLine(hex('e') + "  SHA256SUMS\n");

        bothPaths(ALL, false);
    }

    @Test
    void aSortedManifestWithDotSlashNamesAndAFolderAndItself() throws IOException {
        area.write(latest, "a.txt", "a");
        area.write(latest, "d/b.txt", "b");
        Files.writeString(latest.resolve("SHA256SUMS"), hex('0') + "  ./SHA256SUMS\n"
                + BackupArea.gnuLine(ChecksumAlgorithm.SHA256, latest, "a.txt").replace("  a.txt", "  ./a.txt")
                + hex('1') + "  d\n"
                + BackupArea.gnuLine(ChecksumAlgorithm.SHA256, latest, "d/b.txt"));

        CheckResult result = bothPaths(ALL, true);

        assertThat(result.metrics()).containsEntry("verifiedFiles", 2L);
    }

    @Test
    void anUnsortedManifestTakesTheColumnarPath() {
        List<String> names = manyFiles(1500);
        List<String> shuffled = new ArrayList<>(names.subList(700, 1500));
        shuffled.addAll(names.subList(0, 700));
        sums(shuffled);
        area.write(latest, names.get(1), "changed");

        CheckResult result = bothPaths(ALL, false);

        assertThat(result.metrics()).containsEntry("changedFiles", 1L);
    }

    @Test
    void aFolderAndNamesThatSortBetweenItAndItsFilesStream() {
        // In byte order: a, a b, a-b, a.dump, a/x, a/y.z, a0; a walk that went into a before its siblings would
        // give a/x before a-b, and the listing could not stream.
        area.write(latest, "a/x", "x");
        area.write(latest, "a/y.z", "y");
        area.write(latest, "a b", "space");
        area.write(latest, "a-b", "b");
        area.write(latest, "a.dump", "dump");
        area.write(latest, "a0", "zero");
        area.sha256sums(latest, "a b", "a-b", "a.dump", "a/x", "a/y.z", "a0");

        CheckResult result = bothPaths(ALL, true);

        assertThat(result.metrics()).containsEntry("verifiedFiles", 6L);
    }

    @Test
    void aListingOutOfByteOrderTakesTheColumnarPath() {
        area.write(latest, "a/x", "x");
        area.write(latest, "a-b", "b");
        area.sha256sums(latest, "a-b", "a/x");
        area.wrapTarget(target -> new ForwardingTarget(target) {
            @Override
            public void walk(String folder, Consumer<Entry> visitor) throws IOException {
                List<Entry> entries = new ArrayList<>();
                super.walk(folder, entries::add);
                Collections.reverse(entries);
                entries.forEach(visitor);
            }
        });

        bothPaths(ALL, false);
    }

    @Test
    void aSymbolicLinkTakesTheColumnarPath() throws IOException {
        area.write(latest, "a.txt", "a");
        Files.createSymbolicLink(latest.resolve("b.txt"), latest.resolve("a.txt"));
        area.sha256sums(latest, "a.txt", "b.txt");

        bothPaths(ALL, false);
    }

    @Test
    void aMissingOrEmptyManifestTakesTheColumnarPath() throws IOException {
        manyFiles(3);
        bothPaths(ALL, false);
        Files.writeString(latest.resolve("SHA256SUMS"), "");
        bothPaths(ALL, true);
        Files.writeString(latest.resolve("SHA256SUMS"), "not a checksum line\n");
        bothPaths(ALL, true);
    }

    @Test
    void aSampleGivesTheSameSliceOnBothPaths() {
        sums(manyFiles(1200));
        for (long run = 0; run < 3; run++) {
            CheckResult result = bothPaths("{ sample: 10% }", true, run);
            assertThat(result.metrics()).containsEntry("skippedFiles",
                    1200L - (long) result.metrics().get("verifiedFiles"));
        }
    }

    @Test
    void aRotationVerifiesEveryLedgerKeyOnceWithinItsRunsOnBothPaths() {
        List<String> names = manyFiles(300);
        sums(names);
        java.util.Set<String> verified = new java.util.HashSet<>();
        for (long run = 0; run < 4; run++) {
            // bothPaths checks that the streamed run gives the ledger the columnar run's keys, verified alike
            CheckResult merged = bothPaths("{ sample: 25% }", true, run);
            area.keepsCoverage(true);
            FileCoverage coverage = area.integrity("{ sample: 25% }", run).coverage().orElseThrow();
            assertThat(coverage.listed()).containsExactlyInAnyOrderElementsOf(names);
            for (String key : coverage.verified()) {
                assertThat(verified.add(key)).as(key + " verified in one run only").isTrue();
            }
            assertThat(merged.metrics()).containsEntry("verifiedFiles", (long) coverage.verified().size());
        }
        assertThat(verified).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void everyBackupOfTheSet() {
        sums(manyFiles(300));
        area.write(root.resolve("b-2026-11-24"), "data/a.bin", "older a, changed");

        CheckResult result = bothPaths("{ sample: 100%, scope: all }", true);

        assertThat(result.metrics()).containsEntry("changedFiles", 1L).containsEntry("backups", 2);
    }

    @Test
    void aManifestInASubfolderWithIgnoredNames() {
        List<String> names = manyFiles(250);
        area.write(latest, "logs/run.log", "log");
        area.manifest(latest.resolve("d01"), "SUMS", ChecksumAlgorithm.SHA256,
                names.subList(100, 200).stream().map(name -> name.substring(4)).toArray(String[]::new));

        bothPaths("{ sample: 100%, manifest: d01/SUMS, ignore: [\"*.log\"] }", true);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
