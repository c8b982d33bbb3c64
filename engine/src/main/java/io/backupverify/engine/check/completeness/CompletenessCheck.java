package io.backupverify.engine.check.completeness;

import io.backupverify.engine.check.Advice;
import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.backup.ChecksumFileNames;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.plan.ByteSize;
import io.backupverify.engine.plan.CompletenessSpec;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.util.Glob;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The newest backup holds what it should: the required names, enough files, no sudden shrink against the backup
 * before it. Zero-byte files are flagged; a required file that is empty fails.
 */
public final class CompletenessCheck implements Check {
    public static final String ID = "completeness";
    private static final int MAX_LISTED_EMPTY_FILES = 50;

    private final CompletenessSpec spec;

    public CompletenessCheck(CompletenessSpec spec) {
        this.spec = spec;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String advice(Finding finding, CheckContext context) {
        if (finding.item().equals("(none)")) {
            return Advice.general(finding);
        }
        return "the backup job left this backup incomplete: check its log for errors and its configuration, and "
                + "take a new backup; " + context.previous().map(b -> b.id() + " is the backup before")
                .orElse("there is no earlier backup");
    }

    @Override
    public CheckResult run(CheckContext context) throws IOException {
        CheckResult.Builder result = CheckResult.builder(ID);
        Optional<Backup> latest = context.latest();
        if (latest.isEmpty()) {
            return result.noBackupFound().build();
        }
        BackupContents contents = context.contents(latest.get());
        // The files are gone through as the listing holds them, never gathered: a backup may hold a great many.
        Supplier<Stream<Entry>> files = () -> contents.entries().stream().filter(Entry::isFile);
        int fileCount = Math.toIntExact(contents.fileCount());
        long bytes = contents.totalBytes();
        result.metric("backup", latest.get().id()).metric("files", fileCount).metric("bytes", bytes);

        checkRequired(contents, files, result);
        checkMinFiles(contents.backup(), files, result);
        checkShrink(context, bytes, result);
        checkEmptyFiles(contents, files, result);

        String summary = latest.get().id() + ": " + fileCount + " files, " + ByteSize.format(bytes);
        int problems = result.currentFindings().size();
        return result.summary(problems == 0 ? summary : summary + "; " + problems + " finding"
                + (problems == 1 ? "" : "s")).build();
    }

    private void checkRequired(BackupContents contents, Supplier<Stream<Entry>> files, CheckResult.Builder result) {
        for (String required : spec.required()) {
            Glob glob = Glob.compile(required);
            boolean byName = !required.contains("/");
            Sizes matches = Sizes.of(files.get()
                    .filter(file -> glob.matches(contents.relativePath(file)) || byName && glob.matches(file.name())));
            if (matches.count() == 0) {
                result.finding(Finding.fail(contents.backup().id() + "/" + required, "required file is missing"));
            } else if (matches.allEmpty()) {
                result.finding(Finding.fail(contents.backup().id() + "/" + required,
                        "required file is empty (0 bytes)"));
            }
        }
    }

    /** How many files, and whether all of them are empty. */
    private record Sizes(long count, boolean allEmpty) {
        static Sizes of(Stream<Entry> files) {
            long[] count = new long[1];
            boolean[] allEmpty = {true};
            files.forEach(file -> {
                count[0]++;
                allEmpty[0] &= file.size() == 0;
            });
            return new Sizes(count[0], allEmpty[0]);
        }
    }

    /**
     * Checksum and marker files describe a backup; they do not count towards its files. A backup without any data,
     * no data file or only empty ones, fails unless the plan allows it with {@code minFiles: 0}.
     */
    private void checkMinFiles(Backup backup, Supplier<Stream<Entry>> files, CheckResult.Builder result) {
        Sizes data = Sizes.of(files.get().filter(file -> !ChecksumFileNames.isMetadataFile(file.name())));
        long count = data.count();
        result.metric("dataFiles", count);
        if (spec.minFiles() != null && count < spec.minFiles()) {
            result.finding(Finding.fail(backup.id(), "holds " + count + " data file" + (count == 1 ? "" : "s")
                    + " (checksum and marker files not counted), fewer than the " + spec.minFiles() + " required"));
        } else if (spec.minFiles() == null && count == 0) {
            result.finding(Finding.fail(backup.id(), "the backup is empty: it holds no data file (checksum and "
                    + "marker files not counted); minFiles: 0 allows that"));
        }
        if (count > 0 && (spec.minFiles() == null || spec.minFiles() > 0) && data.allEmpty()) {
            result.finding(Finding.fail(backup.id(), "the backup holds no data: " + (count == 1
                    ? "its one data file is" : "all " + count + " of its data files are") + " empty (0 bytes)"));
        }
    }

    private void checkShrink(CheckContext context, long bytes, CheckResult.Builder result) throws IOException {
        Optional<Backup> previous = context.previous();
        if (previous.isEmpty()) {
            return;
        }
        long previousBytes = context.totalBytes(previous.get());
        result.metric("previousBackup", previous.get().id()).metric("previousBytes", previousBytes);
        if (previousBytes <= 0) {
            return;
        }
        double change = (bytes - previousBytes) * 100.0 / previousBytes;
        result.metric("changePercent", Math.round(change * 100) / 100.0);
        if (spec.maxShrink() != null && -change > spec.maxShrink().value()) {
            result.finding(Finding.fail(context.latest().orElseThrow().id(), String.format(Locale.ROOT,
                    "shrank by %.1f%% against %s (%s → %s); at most %s allowed", -change, previous.get().id(),
                    ByteSize.format(previousBytes), ByteSize.format(bytes), spec.maxShrink())));
        }
    }

    private void checkEmptyFiles(BackupContents contents, Supplier<Stream<Entry>> files, CheckResult.Builder result) {
        int[] empty = new int[1];
        files.get().filter(file -> file.size() == 0).forEach(file -> {
            if (empty[0]++ < MAX_LISTED_EMPTY_FILES) {
                result.finding(Finding.warn(file.path(), "file is empty (0 bytes)"));
            }
        });
        result.metric("emptyFiles", empty[0]);
        if (empty[0] > MAX_LISTED_EMPTY_FILES) {
            result.finding(Finding.warn(contents.backup().id(), (empty[0] - MAX_LISTED_EMPTY_FILES)
                    + " more empty files not listed"));
        }
    }
}
