package io.backupverify.engine.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The backups of a set as every check judges them. The newest backup is the newest one not dated in the future:
 * a backup dated later than now (a clock or time-zone mistake, a stray copy named {@code nightly-2099-01-01}) is
 * never taken for it, so that it cannot hide a broken or missing real newest backup. Backups dated in the future
 * and names of the layout that are symbolic links are skipped, and each is named so that checks can report it.
 * Restore tests, remote targets and audits use this same rule.
 */
public final class BackupTimeline {
    /** How far in the future a backup may be dated before its time is taken for a clock or time-zone mistake. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final List<Backup> all;
    private final List<Backup> current;
    private final List<Backup> future;
    private final List<String> links;
    private final Instant now;

    private BackupTimeline(List<Backup> all, List<String> links, Instant now) {
        this.all = List.copyOf(all);
        this.links = List.copyOf(links);
        this.now = now;
        Instant latestPossible = now.plus(CLOCK_TOLERANCE);
        List<Backup> past = new ArrayList<>();
        List<Backup> ahead = new ArrayList<>();
        for (Backup backup : this.all) {
            (backup.time().isAfter(latestPossible) ? ahead : past).add(backup);
        }
        this.current = List.copyOf(past);
        this.future = List.copyOf(ahead);
    }

    /**
     * @param backups every backup found, oldest first
     * @param links   names that match the layout but are symbolic links, which are never followed
     * @param now     the time the run started
     */
    public static BackupTimeline of(List<Backup> backups, List<String> links, Instant now) {
        return new BackupTimeline(backups, links, now);
    }

    /** Every backup found, future-dated ones included, oldest first. */
    public List<Backup> all() {
        return all;
    }

    /** The backups not dated in the future, oldest first: the ones checks judge. */
    public List<Backup> current() {
        return current;
    }

    /** The newest backup not dated in the future. */
    public Optional<Backup> newest() {
        return current.isEmpty() ? Optional.empty() : Optional.of(current.get(current.size() - 1));
    }

    /** The backup before the newest one, if any. */
    public Optional<Backup> previous() {
        return current.size() < 2 ? Optional.empty() : Optional.of(current.get(current.size() - 2));
    }

    /** Backups dated in the future, oldest first. */
    public List<Backup> future() {
        return future;
    }

    /** Names of the layout that are symbolic links and were not followed. */
    public List<String> links() {
        return links;
    }

    public Instant now() {
        return now;
    }

    /** The backups no check takes for the newest, each with the reason in words. */
    public List<Skipped> skipped() {
        List<Skipped> skipped = new ArrayList<>();
        for (String link : links) {
            skipped.add(new Skipped(link, "a symbolic link, not followed: point the target at the real "
                    + "folder or keep the backup itself here"));
        }
        for (Backup backup : future) {
            skipped.add(new Skipped(backup.id(), "dated " + backup.time() + " by its " + describe(backup)
                    + ", in the future: not taken for the newest backup; check the clock or the time zone of the "
                    + "names"));
        }
        return skipped;
    }

    private static String describe(Backup backup) {
        return "name".equals(backup.timeSource()) ? "name" : "modification time";
    }

    /** A backup no check takes for the newest one, and why. */
    public record Skipped(String id, String reason) {
    }
}
