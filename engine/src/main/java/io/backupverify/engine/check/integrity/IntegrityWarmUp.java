package io.backupverify.engine.check.integrity;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.checksum.ChecksumAlgorithm;
import io.backupverify.engine.plan.IntegrityMode;
import io.backupverify.engine.plan.NamePattern;
import io.backupverify.engine.plan.Percentage;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.LocalTarget;
import io.backupverify.engine.target.StorageUsage;
import io.backupverify.engine.target.Target;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Runs integrity's own set-up and per-file code once over a small backup held in memory: listing, manifest parsing,
 * the read list, the reading threads, the report. The first run of that code loads and verifies its classes, links
 * its lambdas and runs interpreted; on a command's main thread that took 50-70 ms of a one-second check of 200
 * files. Meant for a background thread while a command starts (see
 * {@link io.backupverify.engine.check.reading.DigestWarmUp} for the hashing loop itself). Reads no backup: the only
 * real folder it looks at is the JDK's own {@code lib}, which it lists.
 */
public final class IntegrityWarmUp {
    static final int FILES = 64;
    private static final String BACKUP = "warm-up-2026-01-01";
    private static final String MANIFEST = "SHA256SUMS";
    private static final byte[] CONTENT = new byte[512];

    private IntegrityWarmUp() {
    }

    /** Verifies the backup in memory; returns how many of its files matched their manifest (all, {@link #FILES}). */
    public static long run() {
        try {
            MemoryTarget target = new MemoryTarget();
            Backup backup = new Backup(BACKUP, BACKUP, Instant.EPOCH, "name", true, 0);
            Findings findings = new Findings((problem, item) -> null);
            ReadList reads = new ReadList(SampleSelector.of(new Percentage(100), 1), false, findings,
                    NamePattern.compile("warm-up-{yyyy-MM-dd}"));
            BackupContents.Builder listing = BackupContents.builder(backup);
            target.walk(BACKUP, listing::add);
            BackupContents contents = listing.build();
            ManifestLoader loader = new ManifestLoader(target, findings);
            new DirectoryChecksums(target, MANIFEST, List.of(), loader, findings).collect(new BackupIndex(contents),
                    reads);
            reads.complete();
            ParallelReader reader = new ParallelReader(target, 2, Progress.NONE, findings);
            reader.readAll(reads.files(), reads::sizeOf);
            IntegrityReport.build(CheckResult.builder(IntegrityCheck.ID), List.of(backup), reads, reader, findings, 1,
                    2, IntegrityMode.FULL);
            listJavaHome();
            return reader.verifiedFiles();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Lists a real folder (the JDK's own lib) through a local target, as a check lists a backup folder. */
    private static void listJavaHome() {
        String home = System.getProperty("java.home");
        if (home == null) {
            return;
        }
        try {
            new LocalTarget(Path.of(home)).list("lib");
        } catch (IOException | RuntimeException e) {
            // Only a warm-up: a JDK without that folder warms up a little less.
        }
    }

    private static String fileName(int file) {
        return "part-" + file + ".bin";
    }

    /** One backup folder of {@link #FILES} equal files and their manifest. */
    private static final class MemoryTarget implements Target {
        private final byte[] manifest;

        MemoryTarget() {
            String digest = HexFormat.of().formatHex(ChecksumAlgorithm.SHA256.newDigest().digest(CONTENT));
            StringBuilder text = new StringBuilder();
            for (int file = 0; file < FILES; file++) {
                text.append(digest).append("  ").append(fileName(file)).append('\n');
            }
            manifest = text.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String description() {
            return "integrity warm-up";
        }

        @Override
        public List<Entry> list(String folder) throws IOException {
            if (!folder.equals(BACKUP)) {
                throw new NoSuchFileException(folder);
            }
            List<Entry> entries = new ArrayList<>();
            entries.add(Entry.file(BACKUP + "/" + MANIFEST, manifest.length, Instant.EPOCH));
            for (int file = 0; file < FILES; file++) {
                entries.add(Entry.file(BACKUP + "/" + fileName(file), CONTENT.length, Instant.EPOCH));
            }
            return entries;
        }

        @Override
        public InputStream open(String path) {
            return new ByteArrayInputStream(path.endsWith(MANIFEST) ? manifest : CONTENT);
        }

        @Override
        public Optional<Entry> stat(String path) {
            return Optional.empty();
        }

        @Override
        public Optional<StorageUsage> usage() {
            return Optional.empty();
        }
    }
}
