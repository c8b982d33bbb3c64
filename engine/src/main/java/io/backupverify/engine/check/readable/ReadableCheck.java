package io.backupverify.engine.check.readable;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.backup.ChecksumFileNames;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.check.reading.ChangedWhileRead;
import io.backupverify.engine.check.reading.LargestFirst;
import io.backupverify.engine.check.reading.ReadBuffers;
import io.backupverify.engine.plan.ReadableSpec;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.EntryType;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.util.Glob;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Opens every data file of the backup by its format, told by its content, and reads it to the end: compressed
 * streams decompress, archives list every entry to their end, pg_dump archives hold every block their table of
 * contents promises, SQL dumps end with their tool's closing line. A truncated or corrupt file fails, naming the
 * byte where reading stopped; a file of a format the check does not know is reported, never counted as a pass.
 */
public final class ReadableCheck implements Check {
    public static final String ID = "readable";
    /** Bytes read ahead of the format's own reads; decoders read large blocks from it. */
    private static final int PREFERRED_BUFFER = 256 << 10;

    private final ReadableSpec spec;

    public ReadableCheck(ReadableSpec spec) {
        this.spec = spec;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult run(CheckContext context) throws IOException, InterruptedException {
        long started = System.nanoTime();
        CheckResult.Builder result = CheckResult.builder(ID);
        List<Backup> backups = context.backupsIn(spec.scope());
        if (backups.isEmpty()) {
            return result.noBackupFound().build();
        }
        ReadableFindings findings = new ReadableFindings();
        List<Entry> files = new ArrayList<>();
        List<BackupContents> listings = new ArrayList<>();
        for (Backup backup : backups) {
            try {
                BackupContents contents = context.contents(backup);
                listings.add(contents);
                select(contents, files);
            } catch (IOException e) {
                result.finding(Finding.error(backup.path(), "cannot list the backup: " + IoErrors.describe(e)));
            }
        }
        long bytes = files.stream().mapToLong(Entry::size).sum();
        Progress progress = context.progress();
        progress.begin(context.set().name(), ID, files.size(), bytes);
        try {
            readAll(context, files, path -> dataFile(listings, path), findings);
        } finally {
            progress.end();
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        return ReadableReport.build(result, spec, backups, files.size(), findings, durationMs, context.threads());
    }

    private void select(BackupContents contents, List<Entry> files) {
        List<Glob> globs = spec.files().stream().map(Glob::compile).toList();
        for (Entry entry : contents.entries()) {
            if (!entry.isFile() || ChecksumFileNames.isMetadataFile(entry.name())) {
                continue;
            }
            if (globs.isEmpty() || matches(globs, contents.relativePath(entry), entry.name())) {
                files.add(entry);
            }
        }
    }

    /** A pattern without {@code /} matches a file's name in any folder too, as completeness's required names do. */
    private boolean matches(List<Glob> globs, String relative, String name) {
        for (int i = 0; i < globs.size(); i++) {
            if (globs.get(i).matches(relative) || !spec.files().get(i).contains("/") && globs.get(i).matches(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The data file (no checksum or marker file) at a path in one of the backups read, or null. Looked up in their
     * listings, which are sorted by path once, rather than in a map of every file.
     */
    private static Entry dataFile(List<BackupContents> listings, String path) {
        for (BackupContents contents : listings) {
            int at = contents.positionOf(path);
            if (at >= 0 && contents.type(at) == EntryType.FILE) {
                Entry entry = contents.entry(at);
                return ChecksumFileNames.isMetadataFile(entry.name()) ? null : entry;
            }
        }
        return null;
    }

    private static void readAll(CheckContext context, List<Entry> files, Function<String, Entry> paths,
            ReadableFindings findings) throws InterruptedException {
        if (files.isEmpty()) {
            return;
        }
        long largest = files.stream().mapToLong(Entry::size).max().orElse(0);
        int threads = Math.min(Math.max(1, context.threads()), files.size());
        int bufferBytes = ReadBuffers.bytes(PREFERRED_BUFFER, largest, threads);
        LargestFirst.run(files, at -> files.get(at).size(), threads, "readable-reader", () -> {
            StructureReader reader = new StructureReader(context.target(), context.progress(), bufferBytes);
            return file -> {
                try {
                    String folder = file.path().contains("/")
                            ? file.path().substring(0, file.path().lastIndexOf('/') + 1) : "";
                    ReadOutcome outcome = reader.read(file.path(), siblings(context.target(), folder, paths));
                    findings.add(unlessChanged(context.target(), file, outcome));
                } catch (InterruptedIOException e) {
                    // interrupted: the file stays without an outcome, which the report counts against a pass
                }
                context.progress().advance(1, 0);
            };
        });
    }

    /**
     * The outcome of a read, unless the file changed while it was read (rewritten in place by a job that writes
     * over it): then what was read is of no one version of it, and the read says nothing of the backup.
     */
    private static ReadOutcome unlessChanged(Target target, Entry file, ReadOutcome outcome) {
        if (outcome.result() == ReadOutcome.Result.UNREADABLE) {
            return outcome;
        }
        String changed;
        try {
            changed = ChangedWhileRead.since(target, file);
        } catch (IOException e) {
            return new ReadOutcome(file.path(), ReadOutcome.Result.UNREADABLE, outcome.formats(), "cannot read it "
                    + "again after reading it: " + IoErrors.describe(e), outcome.offset(), outcome.bytes());
        }
        if (changed == null) {
            return outcome;
        }
        return new ReadOutcome(file.path(), ReadOutcome.Result.UNREADABLE, outcome.formats(), "changed while read ("
                + changed + "), so what was read is of no one version of it; " + ChangedWhileRead.ADVICE,
                outcome.offset(), outcome.bytes());
    }

    /** The backup's files in one folder, as the files beside the one being read. */
    private static Siblings siblings(Target target, String folder, Function<String, Entry> paths) {
        return new Siblings() {
            @Override
            public boolean exists(String name) {
                return paths.apply(folder + name) != null;
            }

            @Override
            public byte[] tail(String name, int count) throws IOException {
                Entry entry = paths.apply(folder + name);
                try (InputStream in = target.open(entry.path(), Math.max(0, entry.size() - count))) {
                    return in.readNBytes(count);
                } catch (IOException e) {
                    throw new Siblings.SiblingUnreadableException(folder + name, e);
                }
            }
        };
    }
}
