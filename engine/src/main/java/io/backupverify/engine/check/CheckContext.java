package io.backupverify.engine.check;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupCatalog;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.backup.BackupTimeline;
import io.backupverify.engine.backup.ChecksumFileNames;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.IntegrityScope;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a check may use: the set and its target, the backups found on it (oldest first), the time the run
 * started, the run number, and how many threads it may read with. Backup contents are read once and shared.
 */
public final class CheckContext {
    private static final int MAX_LISTED_SKIPPED = 50;
    private final BackupSetSpec set;
    private final Target target;
    private final BackupCatalog catalog;
    private final BackupTimeline timeline;
    private final Instant now;
    private final ZoneId zone;
    private final long runNumber;
    private final int threads;
    private final Progress progress;
    private final Map<String, BackupContents> contents = new HashMap<>();
    private final Map<String, Long> totals = new HashMap<>();
    /** Files and bytes of backups gone through without keeping their contents. */
    private final Map<String, long[]> fileTotals = new HashMap<>();
    private OtherSets otherSets = OtherSets.NONE;
    private boolean keepsCoverage = true;
    private RecheckSlices recheck = RecheckSlices.NONE;
    private ClockBehind clockBehind;

    public CheckContext(BackupSetSpec set, Target target, BackupCatalog catalog, List<Backup> backups,
            Instant now, ZoneId zone, long runNumber, int threads, Progress progress) {
        this(set, target, catalog, BackupTimeline.of(backups, List.of(), now), zone, runNumber, threads, progress);
    }

    public CheckContext(BackupSetSpec set, Target target, BackupCatalog catalog, BackupTimeline timeline,
            ZoneId zone, long runNumber, int threads, Progress progress) {
        this.set = set;
        this.target = target;
        this.catalog = catalog;
        this.timeline = timeline;
        this.now = timeline.now();
        this.zone = zone;
        this.runNumber = runNumber;
        this.threads = threads;
        this.progress = progress;
    }

    public BackupSetSpec set() {
        return set;
    }

    public Target target() {
        return target;
    }

    /** Whether a backup's time was read from its name in UTC only because the plan gives no timezone. */
    public boolean zoneAssumed(Backup backup) {
        return catalog.zoneAssumed(backup);
    }

    /** The backups of the set that checks judge (none dated in the future), oldest first. */
    public List<Backup> backups() {
        return timeline.current();
    }

    /** Every backup found, those dated in the future included, oldest first. */
    public List<Backup> allBackups() {
        return timeline.all();
    }

    /** Which backup is the newest, and which were skipped. */
    public BackupTimeline timeline() {
        return timeline;
    }

    /** The newest backup not dated in the future. */
    public Optional<Backup> latest() {
        return timeline.newest();
    }

    /** The backups a check with a scope reads: the newest one, or every backup of the set. */
    public List<Backup> backupsIn(IntegrityScope scope) {
        return scope == IntegrityScope.ALL ? allBackups() : latest().map(List::of).orElse(List.of());
    }

    /** The backup before the newest one, if any. */
    public Optional<Backup> previous() {
        return timeline.previous();
    }

    /**
     * A warning for each backup the checks skip (dated in the future, a symbolic link), for every check that does
     * not judge it.
     */
    public List<Finding> skippedBackups() {
        List<Finding> listed = new ArrayList<>();
        for (BackupTimeline.Skipped skipped : timeline.skipped()) {
            if (listed.size() == MAX_LISTED_SKIPPED) {
                break;
            }
            listed.add(Finding.warn(skipped.id(), skipped.reason()));
        }
        return Collections.unmodifiableList(listed);
    }

    /** What a backup holds, read from the target on first use. */
    public synchronized BackupContents contents(Backup backup) throws IOException {
        BackupContents known = contents.get(backup.path());
        if (known == null) {
            known = catalog.contents(backup);
            contents.put(backup.path(), known);
        }
        return known;
    }

    /**
     * Whether a backup holds data: a file backup that is not empty, or a folder with at least one non-empty file
     * that is not a checksum or marker file. An empty folder a job made before it died, or a 0-byte dump, holds
     * none. Folders are looked into only until the first such file (or from what was already read).
     */
    /**
     * The newest backup (not dated in the future) that holds data; each newer one that holds none (an empty
     * folder a job made before it died, a 0-byte dump) is handed to {@code empty}, newest first, so that the
     * caller can say it was passed over. A backup whose contents cannot be listed counts as holding data: the
     * checks that read it report why.
     */
    public Optional<Backup> newestWithData(java.util.function.Consumer<Backup> empty) {
        List<Backup> current = backups();
        for (int i = current.size() - 1; i >= 0; i--) {
            Backup backup = current.get(i);
            boolean data;
            try {
                data = holdsData(backup);
            } catch (IOException e) {
                data = true;
            }
            if (data) {
                return Optional.of(backup);
            }
            empty.accept(backup);
        }
        return Optional.empty();
    }

    public boolean holdsData(Backup backup) throws IOException {
        if (!backup.directory()) {
            return backup.size() > 0;
        }
        return anyEntry(backup, CheckContext::isData);
    }

    /**
     * Whether {@code found} accepts an entry of a folder backup, going through its contents when a check has read
     * them, else listing folder by folder and stopping at the first entry accepted.
     */
    public boolean anyEntry(Backup backup, Predicate<Entry> found) throws IOException {
        BackupContents known;
        synchronized (this) {
            known = contents.get(backup.path());
        }
        if (known != null) {
            return known.entries().stream().anyMatch(found);
        }
        Deque<String> folders = new ArrayDeque<>();
        folders.push(backup.path());
        while (!folders.isEmpty()) {
            for (Entry entry : target.list(folders.pop())) {
                if (found.test(entry)) {
                    return true;
                }
                if (entry.isDirectory()) {
                    folders.push(entry.path());
                }
            }
        }
        return false;
    }

    public static boolean isData(Entry entry) {
        return entry.isFile() && entry.size() > 0 && !ChecksumFileNames.isMetadataFile(entry.name());
    }

    /**
     * The bytes of the files a backup holds. From its contents when a check has read them; otherwise counted from a
     * listing that keeps nothing but the sum, so that a check that only adds up sizes (capacity over every backup
     * of the set, the size of the backup before) does not hold the listing of each backup for the run.
     */
    public synchronized long totalBytes(Backup backup) throws IOException {
        BackupContents known = contents.get(backup.path());
        if (known != null) {
            return known.totalBytes();
        }
        Long total = totals.get(backup.path());
        if (total == null) {
            total = catalog.totalBytes(backup);
            totals.put(backup.path(), total);
        }
        return total;
    }

    public Instant now() {
        return now;
    }

    public ZoneId zone() {
        return zone;
    }

    public long runNumber() {
        return runNumber;
    }

    public int threads() {
        return threads;
    }

    public Progress progress() {
        return progress;
    }

    /** The plan's other sets, for checks that compare sets. */
    public OtherSets otherSets() {
        return otherSets;
    }

    /** Lets this context's checks open the plan's other sets. */
    public CheckContext withOtherSets(OtherSets sets) {
        this.otherSets = sets;
        return this;
    }

    /** Whether checks keep which files they verified (for a coverage ledger); true unless the run records none. */
    public boolean keepsCoverage() {
        return keepsCoverage;
    }

    /** The integrity sample slices the set's previous run asked to read again ({@link RecheckSlices}). */
    public RecheckSlices recheck() {
        return recheck;
    }

    /** Notes the integrity sample slices to read again besides this run's own. */
    public CheckContext withRecheck(RecheckSlices slices) {
        this.recheck = slices;
        return this;
    }

    /** Tells this context's checks whether the run keeps which files they verified. */
    public CheckContext withCoverageKept(boolean keep) {
        this.keepsCoverage = keep;
        return this;
    }

    /** Notes that this machine's clock was found behind the store's (the run's time is then the store's). */
    public CheckContext withClockBehind(Optional<ClockBehind> found) {
        this.clockBehind = found.orElse(null);
        return this;
    }

    /** This machine's clock, when it was found behind the store's. */
    public Optional<ClockBehind> clockBehind() {
        return Optional.ofNullable(clockBehind);
    }

    /**
     * Goes through what a backup holds, in the order the target lists it: from its contents when a check has read
     * them, else from a new listing that is not kept. Notes the backup's files and bytes on the way, so that
     * {@link #totals} and {@link #totalBytes} need no listing of their own.
     */
    public void forEachEntry(Backup backup, Consumer<Entry> visitor) throws IOException {
        BackupContents known;
        synchronized (this) {
            known = contents.get(backup.path());
        }
        if (known != null) {
            known.entries().forEach(visitor);
            return;
        }
        long[] counted = new long[2];
        catalog.forEachEntry(backup, entry -> {
            if (entry.isFile()) {
                counted[0]++;
                counted[1] += entry.size();
            }
            visitor.accept(entry);
        });
        noteTotals(backup, counted[0], counted[1]);
    }

    /**
     * Notes how many files a backup holds and their bytes, counted by a check from a whole listing of it that it did
     * not keep, so that {@link #totals} and {@link #totalBytes} need no listing of their own.
     */
    public synchronized void noteTotals(Backup backup, long files, long bytes) {
        fileTotals.put(backup.path(), new long[] {files, bytes});
        totals.put(backup.path(), bytes);
    }

    /**
     * How many files a backup holds and their bytes: from its contents when a check has read them, else from a
     * listing that keeps nothing but the counts.
     */
    public long[] totals(Backup backup) throws IOException {
        synchronized (this) {
            BackupContents known = contents.get(backup.path());
            if (known != null) {
                return new long[] {known.fileCount(), known.totalBytes()};
            }
            long[] counted = fileTotals.get(backup.path());
            if (counted != null) {
                return counted.clone();
            }
        }
        forEachEntry(backup, entry -> { });
        // Now held, or counted.
        return totals(backup);
    }
}
