package io.backupverify.engine.check.integrity;

import io.backupverify.engine.checksum.ManifestEntry;
import io.backupverify.engine.plan.NamePattern;
import io.backupverify.engine.target.Entry;
import java.util.ArrayList;
import java.util.List;

/**
 * The files this run will read, gathered from the manifests of the backups in scope. A listed name that cannot
 * be read safely (a folder, a device, a link out of the backup) becomes a finding instead; a file outside this
 * run's sample slice is counted as skipped.
 */
final class ReadList {
    private final SampleSelector sample;
    private final boolean sampleByTargetPath;
    private final NamePattern names;
    private final Findings findings;
    private final List<ExpectedFile> files = new ArrayList<>();
    private final List<String> listedKeys = new ArrayList<>();
    private long bytes;
    private long listed;
    private long skipped;

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
        this.names = names;
        this.sample = sample;
        this.sampleByTargetPath = sampleByTargetPath;
        this.findings = findings;
    }

    /**
     * Takes in one manifest entry whose name was found in the backup.
     *
     * @param listedEntry what the manifest's name points at in the backup
     * @param manifest    the manifest's name, for messages
     * @param samplePath  the file's path inside its backup, which decides its sample slice
     */
    void add(BackupIndex index, Entry listedEntry, ManifestEntry expected, String manifest, String samplePath) {
        listed++;
        String key = sampleByTargetPath ? listedEntry.path() : withoutBackupDate(index, samplePath);
        listedKeys.add(key);
        String origin = manifest + " line " + expected.line();
        Entry read = regularFile(index, listedEntry, origin);
        if (read == null) {
            return;
        }
        if (!sample.selects(key)) {
            skipped++;
            return;
        }
        files.add(new ExpectedFile(index.contents().backup(), listedEntry, read, expected.algorithm(),
                expected.digest(), manifest, expected.line(), key));
        bytes += read.size();
    }

    private String withoutBackupDate(BackupIndex index, String samplePath) {
        return names.dateText(index.contents().backup().id()).filter(date -> !date.isEmpty())
                .map(date -> samplePath.replace(date, "{date}")).orElse(samplePath);
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

    List<ExpectedFile> files() {
        return files;
    }

    /** Bytes this run will read. */
    long bytes() {
        return bytes;
    }

    /** Manifest entries found in the backups, read or not. */
    long listed() {
        return listed;
    }

    /** The ledger keys of every listed file, read this run or not. */
    List<String> listedKeys() {
        return listedKeys;
    }

    /** Files left for other runs by the sample. */
    long skipped() {
        return skipped;
    }

    SampleSelector sample() {
        return sample;
    }
}
