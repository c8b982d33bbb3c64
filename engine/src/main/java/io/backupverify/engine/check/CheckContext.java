package io.backupverify.engine.check;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupCatalog;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.IntegrityScope;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a check may use: the set and its target, the backups found on it (oldest first), the time the run
 * started, the run number, and how many threads it may read with. Backup contents are read once and shared.
 */
public final class CheckContext {
    private final BackupSetSpec set;
    private final Target target;
    private final BackupCatalog catalog;
    private final List<Backup> backups;
    private final Instant now;
    private final ZoneId zone;
    private final long runNumber;
    private final int threads;
    private final Progress progress;
    private final Map<String, BackupContents> contents = new HashMap<>();

    public CheckContext(BackupSetSpec set, Target target, BackupCatalog catalog, List<Backup> backups,
            Instant now, ZoneId zone, long runNumber, int threads, Progress progress) {
        this.set = set;
        this.target = target;
        this.catalog = catalog;
        this.backups = List.copyOf(backups);
        this.now = now;
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

    /** All backups of the set, oldest first. */
    public List<Backup> backups() {
        return backups;
    }

    public Optional<Backup> latest() {
        return backups.isEmpty() ? Optional.empty() : Optional.of(backups.get(backups.size() - 1));
    }

    /** The backups a check with a scope reads: the newest one, or every backup of the set. */
    public List<Backup> backupsIn(IntegrityScope scope) {
        return scope == IntegrityScope.ALL ? backups : latest().map(List::of).orElse(List.of());
    }

    /** The backup before the newest one, if any. */
    public Optional<Backup> previous() {
        return backups.size() < 2 ? Optional.empty() : Optional.of(backups.get(backups.size() - 2));
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
}
