package io.backupverify.engine.check.integrity;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.check.CoverageKeys;
import io.backupverify.engine.check.FileCoverage;
import io.backupverify.engine.checksum.ChecksumAlgorithm;
import io.backupverify.engine.checksum.ManifestEntry;
import io.backupverify.engine.plan.NamePattern;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.EntryType;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files this run will read, gathered from the manifests of the backups in scope. A listed name that cannot
 * be read safely (a folder, a device, a link out of the backup) becomes a finding instead; a file outside this
 * run's sample slice is counted as skipped.
 */
final class ReadList {
    /** Parts of a backup's name that a name pattern may have read as its date (2026-11-28, 20261128T0200, ...). */
    private static final Pattern DATE_LIKE = Pattern.compile("[0-9][0-9T:._-]{4,}[0-9]");

    private final SampleSelector sample;
    private final boolean sampleByTargetPath;
    private final NamePattern names;
    private final Findings findings;
    private final Rows rows = new Rows();
    /** Where a streaming list sends the files to read; null for a list that keeps them. */
    private final Consumer<ExpectedFile> stream;
    /** The ledger keys a streaming list gathers, by row; null when the run keeps no coverage. */
    private final CoverageKeys streamedKeys;
    private long bytes;
    private long toRead;
    private long listed;
    private long skipped;
    /** Files to read and their bytes, by backup id, in the order the backups came. */
    private final Map<String, long[]> readPerBackup = new java.util.LinkedHashMap<>();
    /** Keys of files read only because the previous run knew them by another path (see {@link #namedBefore}). */
    private final Set<String> namedBefore = new HashSet<>();
    /** The date text of the backup looked at last. */
    private BackupDate lastDate;

    /**
     * @param sampleByTargetPath whether a file's sample slice follows its path on the target, backup name
     *                           included (for {@code scope: all}, which spreads the backups' files over the
     *                           runs), rather than its path inside its backup (for {@code scope: latest}, where a
     *                           file of the same name in each day's backup keeps its slice)
     * @param names              the layout's name pattern: inside a backup, the date its name carries is taken out
     *                           of the paths that decide slices ({@code orders-2026-11-29.dump} in
     *                           {@code nightly-2026-11-29}), so that a dump named by the day keeps its slice too
     */
    ReadList(SampleSelector sample, boolean sampleByTargetPath, Findings findings, NamePattern names) {
        this(sample, sampleByTargetPath, findings, names, null, null);
    }

    private ReadList(SampleSelector sample, boolean sampleByTargetPath, Findings findings, NamePattern names,
            Consumer<ExpectedFile> stream, CoverageKeys streamedKeys) {
        this.names = names;
        this.sample = sample;
        this.sampleByTargetPath = sampleByTargetPath;
        this.findings = findings;
        this.stream = stream;
        this.streamedKeys = streamedKeys;
    }

    /**
     * A read list that keeps no file: each file of this run's slice goes to the stream as it is added. When the
     * run keeps coverage, each listed file's ledger key is kept in a few bytes ({@link CoverageKeys}).
     */
    static ReadList streaming(SampleSelector sample, boolean sampleByTargetPath, Findings findings,
            NamePattern names, Consumer<ExpectedFile> stream, boolean keepsCoverage) {
        return new ReadList(sample, sampleByTargetPath, findings, names, stream,
                keepsCoverage ? new CoverageKeys() : null);
    }

    /**
     * Takes in, on a streaming list, one manifest entry whose name was found in a folder backup: a listed entry
     * that is not a symbolic link (following one needs the backup's whole listing).
     */
    void add(Backup backup, Entry listedEntry, ManifestEntry expected, String manifest, String samplePath) {
        if (stream == null || listedEntry.type() == EntryType.SYMLINK) {
            throw new IllegalStateException("only a streaming read list takes entries without an index");
        }
        listed++;
        String key = sampleByTargetPath ? listedEntry.path() : withoutBackupDate(backup, samplePath);
        if (streamedKeys != null) {
            streamedKeys.add(key, Math.toIntExact(listed - 1));
        }
        Entry read = regularFile(null, listedEntry, manifest + " line " + expected.line());
        if (read == null) {
            return;
        }
        if (!sample.selects(key) && !namedBefore(backup, listedEntry, samplePath, key)) {
            skipped++;
            return;
        }
        bytes += read.size();
        toRead++;
        tally(backup, read);
        stream.accept(new ExpectedFile(backup, listedEntry, read, expected.algorithm(), expected.digest(), manifest,
                expected.line(), key, Math.toIntExact(listed - 1)));
    }

    /**
     * Takes in one manifest entry whose name was found in the backup.
     *
     * @param listedEntry what the manifest's name points at in the backup
     * @param manifest    the manifest's name, for messages
     * @param samplePath  the file's path inside its backup, which decides its sample slice
     */
    void add(BackupIndex index, Entry listedEntry, ManifestEntry expected, String manifest, String samplePath) {
        if (stream != null) {
            throw new IllegalStateException("a streaming read list keeps no rows");
        }
        listed++;
        String key = sampleByTargetPath ? listedEntry.path() : withoutBackupDate(index, samplePath);
        String origin = manifest + " line " + expected.line();
        Entry read = regularFile(index, listedEntry, origin);
        boolean selected = read != null && (sample.selects(key)
                || namedBefore(index.contents().backup(), listedEntry, samplePath, key));
        rows.add(index, listedEntry, read, expected, manifest, key.equals(derivedKey(index, listedEntry)) ? null : key,
                selected);
        if (read == null) {
            return;
        }
        if (!selected) {
            skipped++;
            return;
        }
        bytes += read.size();
        toRead++;
        tally(index.contents().backup(), read);
    }

    private void tally(Backup backup, Entry read) {
        long[] tally = readPerBackup.computeIfAbsent(backup.id(), id -> new long[2]);
        tally[0]++;
        tally[1] += read.size();
    }

    /**
     * Whether the previous run asked to read the file again under another form of its path (the plan's scope or
     * name pattern changed since): then it is read, as a recheck must not wait for the file's slice in the new cut.
     */
    private boolean namedBefore(Backup backup, Entry listedEntry, String samplePath, String key) {
        if (!sample.namedAny()) {
            return false;
        }
        boolean named = sample.namedBefore(listedEntry.path()) || sample.namedBefore(samplePath)
                || sample.namedBefore(withoutBackupDate(backup, samplePath));
        // another name pattern took another part of the backup's name for its date
        Matcher dates = DATE_LIKE.matcher(backup.id());
        while (!named && dates.find()) {
            String date = dates.group();
            named = samplePath.contains(date) && sample.namedBefore(samplePath.replace(date, "{date}"));
        }
        if (named) {
            namedBefore.add(key);
        }
        return named;
    }

    /** Whether this run reads the file with this key: in its slice, or named by the previous run. */
    boolean selects(String key) {
        return sample.selects(key) || namedBefore.contains(key);
    }

    /** How many files this run reads of each backup, and their bytes, by backup id. */
    Map<String, long[]> readPerBackup() {
        return readPerBackup;
    }

    /** The ledger key a listed entry has unless it was given another one. */
    private String derivedKey(BackupIndex index, Entry listedEntry) {
        return sampleByTargetPath ? listedEntry.path() : withoutBackupDate(index, index.relative(listedEntry));
    }

    private String withoutBackupDate(BackupIndex index, String samplePath) {
        return withoutBackupDate(index.contents().backup(), samplePath);
    }

    private String withoutBackupDate(Backup backup, String samplePath) {
        String date = backupDate(backup);
        return date.isEmpty() ? samplePath : samplePath.replace(date, "{date}");
    }

    /**
     * The date text in the backup's name, or "" for none: found once per backup, not once per file. Reading threads
     * ask too (for ledger keys), so the backup and its date are kept together in one immutable record.
     */
    private String backupDate(Backup backup) {
        BackupDate known = lastDate;
        if (known == null || !known.backup().equals(backup)) {
            known = new BackupDate(backup, names.dateText(backup.id()).orElse(""));
            lastDate = known;
        }
        return known.date();
    }

    private record BackupDate(Backup backup, String date) {
    }

    /** The regular file to read for a listed entry, or null after reporting why there is none. */
    private Entry regularFile(BackupIndex index, Entry entry, String origin) {
        switch (entry.type()) {
            case FILE:
                return entry;
            case DIRECTORY:
                findings.add(Problem.NOT_READ, entry.path(), "listed in " + origin + " but is a folder");
                return null;
            case SYMLINK:
                return linkedFile(index, entry, origin);
            default:
                findings.add(Problem.NOT_READ, entry.path(), "listed in " + origin
                        + " but is not a regular file (a device, pipe or socket); not read");
                return null;
        }
    }

    private Entry linkedFile(BackupIndex index, Entry link, String origin) {
        String inside = link.linkInsideRoot() ? index.insideBackup(link.linkTarget()) : null;
        if (inside == null) {
            findings.add(Problem.NOT_READ, link.path(), "listed in " + origin
                    + " but is a symbolic link pointing outside the backup (to " + link.linkTarget()
                    + "); not followed");
            return null;
        }
        Entry target = index.findByTargetPath(link.linkTarget());
        if (target == null) {
            findings.add(Problem.MISSING, link.path(), "listed in " + origin + " but is a symbolic link to "
                    + inside + ", which is missing");
            return null;
        }
        if (!target.isFile()) {
            findings.add(Problem.NOT_READ, link.path(), "listed in " + origin + " but is a symbolic link to "
                    + inside + ", which is not a regular file; not followed");
            return null;
        }
        index.markListed(target);
        return target;
    }

    /** Called when every manifest has been read: no more files are added. */
    void complete() {
        rows.trim();
    }

    /** The files this run reads, in the order they were listed; each is built when asked for (none when streaming). */
    List<ExpectedFile> files() {
        return rows.selected();
    }

    /** How many files this run reads. */
    long toRead() {
        return toRead;
    }

    /** The size of the file at a place in {@link #files()}, without building it. */
    long sizeOf(int at) {
        return rows.selectedSize(at);
    }

    /** Bytes this run will read. */
    long bytes() {
        return bytes;
    }

    /** Manifest entries found in the backups, read or not. */
    long listed() {
        return listed;
    }

    /**
     * The ledger keys of every listed file, read this run or not, each built when asked for; and whether the file
     * of a key was verified, or read and found not to match, by its place in that list.
     */
    FileCoverage coverage(IntPredicate verified, IntPredicate failed) {
        if (stream != null) {
            return streamedKeys == null ? null : FileCoverage.of(streamedKeys, verified, failed);
        }
        return FileCoverage.of(rows.count, row -> key(row), verified, failed);
    }

    private String key(int row) {
        String given = rows.given.get(row);
        if (given != null) {
            return given;
        }
        BackupIndex index = rows.index(row);
        return derivedKey(index, index.contents().entry(rows.listedAt(row)));
    }

    /** Files left for other runs by the sample. */
    long skipped() {
        return skipped;
    }

    SampleSelector sample() {
        return sample;
    }

    /**
     * One row per listed file, in columns: where its entries are in its backup's listing, its expected digest in
     * one shared array; its backup, manifest, algorithm and line as runs. A file to read is built as an
     * {@link ExpectedFile} only when read. About 40 bytes a file.
     */
    private final class Rows {
        private final List<BackupIndex> indexes = new ArrayList<>();
        private final Map<String, Integer> manifestIds = new HashMap<>();
        private final List<String> manifests = new ArrayList<>();
        /** Keys that differ from the one {@link #derivedKey} gives (file backups), by row. */
        private final Map<Integer, String> given = new HashMap<>();
        /** Where the file to read is when it is not the listed entry (a link inside the backup), or -1 for none. */
        private final Map<Integer, Integer> readElsewhere = new HashMap<>();
        private final Runs index = new Runs();
        private final Runs manifest = new Runs();
        private final Runs algorithm = new Runs();
        /** A manifest's line minus the row: the same for every row of a manifest without blank lines. */
        private final Runs lineOffset = new Runs();
        /** Where the digests of each run of rows with one algorithm start. */
        private final Runs digestStart = new Runs();
        private int count;
        private int[] listedAt = new int[16];
        private byte[] digests = new byte[16 * 32];
        private int digestBytes;
        /** The rows to read; null while every row is read. */
        private int[] selectedRows;
        private int selectedCount;

        void add(BackupIndex backupIndex, Entry listedEntry, Entry read, ManifestEntry expected, String manifestName,
                String key, boolean selected) {
            if (count == listedAt.length) {
                listedAt = Arrays.copyOf(listedAt, count + (count >> 1) + 16);
            }
            if (indexes.isEmpty() || indexes.get(indexes.size() - 1) != backupIndex) {
                indexes.add(backupIndex);
            }
            index.set(count, indexes.size() - 1);
            listedAt[count] = position(backupIndex, listedEntry);
            int readAt = read == null ? -1 : position(backupIndex, read);
            if (readAt != listedAt[count]) {
                readElsewhere.put(count, readAt);
            }
            lineOffset.set(count, expected.line() - count);
            manifest.set(count, manifestIds.computeIfAbsent(manifestName, name -> {
                manifests.add(name);
                return manifests.size() - 1;
            }));
            int kind = expected.algorithm().ordinal();
            if (count == 0 || algorithm.get(count - 1) != kind) {
                digestStart.set(count, digestBytes);
            }
            algorithm.set(count, kind);
            byte[] digest = expected.digest();
            if (digestBytes + digest.length > digests.length) {
                digests = Arrays.copyOf(digests, Math.max(digestBytes + digest.length,
                        digests.length + (digests.length >> 1)));
            }
            System.arraycopy(digest, 0, digests, digestBytes, digest.length);
            digestBytes += digest.length;
            if (key != null) {
                given.put(count, key);
            }
            select(selected);
            count++;
        }

        private void select(boolean selected) {
            if (selectedRows == null && !selected) {
                selectedRows = new int[selectedCount + 16];
                for (int row = 0; row < selectedCount; row++) {
                    selectedRows[row] = row;
                }
            }
            if (selected) {
                if (selectedRows != null) {
                    if (selectedCount == selectedRows.length) {
                        selectedRows = Arrays.copyOf(selectedRows, selectedCount + (selectedCount >> 1) + 16);
                    }
                    selectedRows[selectedCount] = count;
                }
                selectedCount++;
            }
        }

        /** Lets go of the room kept for more rows. */
        void trim() {
            listedAt = Arrays.copyOf(listedAt, count);
            digests = Arrays.copyOf(digests, digestBytes);
            if (selectedRows != null) {
                selectedRows = Arrays.copyOf(selectedRows, selectedCount);
            }
        }

        private static int position(BackupIndex backupIndex, Entry entry) {
            int at = backupIndex.positionOf(entry.path());
            if (at < 0) {
                throw new IllegalStateException(entry.path() + " is not in the listing of its backup");
            }
            return at;
        }

        int listedAt(int row) {
            return listedAt[row];
        }

        BackupIndex index(int row) {
            return indexes.get(index.get(row));
        }

        long selectedSize(int at) {
            if (at < 0 || at >= selectedCount) {
                throw new IndexOutOfBoundsException(at);
            }
            int row = selectedRows == null ? at : selectedRows[at];
            return index(row).contents().sizeOf(readElsewhere.getOrDefault(row, listedAt[row]));
        }

        List<ExpectedFile> selected() {
            return new AbstractList<>() {
                @Override
                public ExpectedFile get(int at) {
                    if (at < 0 || at >= selectedCount) {
                        throw new IndexOutOfBoundsException(at);
                    }
                    return file(selectedRows == null ? at : selectedRows[at]);
                }

                @Override
                public int size() {
                    return selectedCount;
                }
            };
        }

        private ExpectedFile file(int row) {
            BackupContents contents = index(row).contents();
            ChecksumAlgorithm kind = ChecksumAlgorithm.values()[algorithm.get(row)];
            int digestAt = digestStart.get(row) + (row - digestStart.start(row)) * kind.digestBytes();
            byte[] digest = Arrays.copyOfRange(digests, digestAt, digestAt + kind.digestBytes());
            Entry listedEntry = contents.entry(listedAt[row]);
            Entry read = readElsewhere.containsKey(row) ? contents.entry(readElsewhere.get(row)) : listedEntry;
            return new ExpectedFile(contents.backup(), listedEntry, read, kind, digest,
                    manifests.get(manifest.get(row)), lineOffset.get(row) + row, key(row), row);
        }
    }
}
