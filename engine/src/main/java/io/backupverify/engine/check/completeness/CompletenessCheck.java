package io.backupverify.engine.check.completeness;

import io.backupverify.engine.check.Advice;
import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.ChecksumFileNames;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.format.PgDirectoryDump;
import io.backupverify.engine.plan.ByteSize;
import io.backupverify.engine.plan.CompletenessSpec;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.util.Glob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
        // The listing is gone through once, as the target yields it, and never kept: a backup may hold a great many
        // files.
        Backup backup = latest.get();
        Tally tally = new Tally(backup, spec.required());
        context.forEachEntry(backup, tally::add);
        int fileCount = Math.toIntExact(tally.files.count);
        long bytes = tally.bytes;
        result.metric("backup", backup.id()).metric("files", fileCount).metric("bytes", bytes);

        checkRequired(context, backup, tally, result);
        checkMinFiles(backup, tally.data, result);
        checkShrink(context, bytes, result);
        checkEmptyFiles(backup, tally, result);

        String summary = backup.id() + ": " + fileCount + " files, " + ByteSize.format(bytes);
        int problems = result.currentFindings().size();
        return result.summary(problems == 0 ? summary : summary + "; " + problems + " finding"
                + (problems == 1 ? "" : "s")).build();
    }

    private void checkRequired(CheckContext context, Backup backup, Tally tally, CheckResult.Builder result) {
        for (int i = 0; i < spec.required().size(); i++) {
            String required = spec.required().get(i);
            Sizes matches = tally.required[i];
            if (matches.count == 0 && !tally.folders[i].isEmpty()) {
                checkDirectoryDumps(context, backup, tally.folders[i], result);
            } else if (matches.count == 0) {
                result.finding(Finding.fail(backup.id() + "/" + required, "required file is missing"));
            } else if (matches.allEmpty) {
                result.finding(Finding.fail(backup.id() + "/" + required, "required file is empty (0 bytes)"));
            }
        }
    }

    /**
     * A required name that matches folders and no file: each folder must be a whole pg_dump -Fd directory-format
     * dump, the one kind of backup that is a folder where a file is expected.
     */
    private static void checkDirectoryDumps(CheckContext context, Backup backup, Map<String, Set<String>> folders,
            CheckResult.Builder result) {
        folders.forEach((folder, names) -> {
            String base = backup.directory() ? backup.path() + "/" + folder : folder;
            PgDirectoryDump.check(names, name -> context.target().open(base + "/" + name))
                    .ifPresent(problem -> result.finding(problem.error()
                            ? Finding.error(backup.id() + "/" + folder, problem.message())
                            : Finding.fail(backup.id() + "/" + folder, problem.message())));
        });
    }

    /** How many files, and whether all of them are empty. */
    private static final class Sizes {
        private long count;
        private boolean allEmpty = true;

        void add(Entry file) {
            count++;
            allEmpty &= file.size() == 0;
        }
    }

    /** What the checks need from a backup's files, counted in one pass over its listing. */
    private static final class Tally {
        private final Backup backup;
        private final Glob[] globs;
        private final boolean[] byName;
        private final Sizes[] required;
        /** Per required name: the folders it matches, with the names of the files directly in them. */
        private final Map<String, Set<String>>[] folders;
        private final Sizes files = new Sizes();
        private final Sizes data = new Sizes();
        private long bytes;
        private long empty;
        private final List<String> firstEmpty = new ArrayList<>();

        Tally(Backup backup, List<String> patterns) {
            this.backup = backup;
            globs = patterns.stream().map(Glob::compile).toArray(Glob[]::new);
            byName = new boolean[patterns.size()];
            required = new Sizes[patterns.size()];
            @SuppressWarnings("unchecked")
            Map<String, Set<String>>[] matched = new Map[patterns.size()];
            folders = matched;
            for (int i = 0; i < required.length; i++) {
                byName[i] = !patterns.get(i).contains("/");
                required[i] = new Sizes();
                folders[i] = new TreeMap<>();
            }
        }

        void add(Entry entry) {
            if (!entry.isFile()) {
                return;
            }
            files.add(entry);
            bytes += entry.size();
            String relative = backup.directory() ? entry.path().substring(backup.path().length() + 1) : entry.name();
            int slash = relative.lastIndexOf('/');
            String folder = slash < 0 ? null : relative.substring(0, slash);
            String folderName = folder == null ? null : folder.substring(folder.lastIndexOf('/') + 1);
            for (int i = 0; i < globs.length; i++) {
                if (globs[i].matches(relative) || byName[i] && globs[i].matches(entry.name())) {
                    required[i].add(entry);
                    folders[i].clear();
                } else if (required[i].count == 0 && folder != null
                        && (globs[i].matches(folder) || byName[i] && globs[i].matches(folderName))) {
                    // kept only while the name matches no file: then it may be a directory-format dump
                    folders[i].computeIfAbsent(folder, f -> new HashSet<>()).add(entry.name());
                }
            }
            if (!ChecksumFileNames.isMetadataFile(entry.name())) {
                data.add(entry);
            }
            if (entry.size() == 0 && empty++ < MAX_LISTED_EMPTY_FILES) {
                firstEmpty.add(entry.path());
            }
        }
    }

    /**
     * Checksum and marker files describe a backup; they do not count towards its files. A backup without any data,
     * no data file or only empty ones, fails unless the plan allows it with {@code minFiles: 0}.
     */
    private void checkMinFiles(Backup backup, Sizes data, CheckResult.Builder result) {
        long count = data.count;
        result.metric("dataFiles", count);
        if (spec.minFiles() != null && count < spec.minFiles()) {
            result.finding(Finding.fail(backup.id(), "holds " + count + " data file" + (count == 1 ? "" : "s")
                    + " (checksum and marker files not counted), fewer than the " + spec.minFiles() + " required"));
        } else if (spec.minFiles() == null && count == 0) {
            result.finding(Finding.fail(backup.id(), "the backup is empty: it holds no data file (checksum and "
                    + "marker files not counted); minFiles: 0 allows that"));
        }
        if (count > 0 && (spec.minFiles() == null || spec.minFiles() > 0) && data.allEmpty) {
            result.finding(Finding.fail(backup.id(), "the backup holds no data: " + (count == 1
                    ? "its one data file is" : "all " + count + " of its data files are") + " empty (0 bytes)"));
        }
    }

    private void checkShrink(CheckContext context, long bytes, CheckResult.Builder result) throws IOException {
        Optional<Backup> previous = previousWithData(context);
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

    /**
     * The newest backup before the newest one that holds data: a folder a dead job left empty (or with only its
     * manifest) between two backups would otherwise be the measure, and a shrink against nothing is no shrink.
     */
    private static Optional<Backup> previousWithData(CheckContext context) {
        List<Backup> backups = context.backups(); // oldest first; the last one is the newest
        for (int i = backups.size() - 2; i >= 0; i--) {
            Backup backup = backups.get(i);
            try {
                if (context.holdsData(backup)) {
                    return Optional.of(backup);
                }
            } catch (IOException e) {
                return Optional.of(backup); // its size says what can be said; a listing problem is not a shrink
            }
        }
        return Optional.empty();
    }

    private void checkEmptyFiles(Backup backup, Tally tally, CheckResult.Builder result) {
        tally.firstEmpty.forEach(path -> result.finding(Finding.warn(path, "file is empty (0 bytes)")));
        result.metric("emptyFiles", Math.toIntExact(tally.empty));
        if (tally.empty > MAX_LISTED_EMPTY_FILES) {
            result.finding(Finding.warn(backup.id(), (tally.empty - MAX_LISTED_EMPTY_FILES)
                    + " more empty files not listed"));
        }
    }
}
