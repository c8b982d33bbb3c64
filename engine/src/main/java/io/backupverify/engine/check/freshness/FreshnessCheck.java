package io.backupverify.engine.check.freshness;

import io.backupverify.engine.check.Advice;
import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.plan.FreshnessSpec;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The newest backup is no older than the recovery point objective. Backups dated in the future (a clock or
 * time-zone mistake, or a stray name) are each a warning and are not taken for the newest backup, so that they
 * cannot hide that the real backups stopped.
 */
public final class FreshnessCheck implements Check {
    public static final String ID = "freshness";
    /** UTC+14 (Line Islands): the furthest a local name can be ahead of UTC. */
    private static final Duration WIDEST_EAST_OFFSET = Duration.ofHours(14).plusMinutes(5);
    /** Clocks of the job and of the store may disagree a little; a name this much ahead is no zone's offset. */
    private static final Duration NAME_CLOCK_SLACK = Duration.ofMinutes(5);


    private final FreshnessSpec spec;

    public FreshnessCheck(FreshnessSpec spec) {
        this.spec = spec;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String advice(Finding finding, CheckContext context) {
        return context.latest().map(newest -> "the backup job has not produced a backup since " + newest.id()
                + " (" + newest.time() + "): check that it still runs, its log, and the space it writes to")
                .orElseGet(() -> Advice.general(finding));
    }

    @Override
    public CheckResult run(CheckContext context) {
        Duration maxAge = spec.maxAge().duration();
        CheckResult.Builder result = CheckResult.builder(ID).metric("maxAgeSeconds", maxAge.getSeconds());
        if (context.allBackups().isEmpty()) {
            return result.noBackupFound().build();
        }
        List<Backup> future = context.timeline().future();
        context.clockBehind().ifPresent(slow -> result.metric("clockBehindSeconds", slow.behind().getSeconds())
                .finding(Finding.warn("clock", slow.message())));
        result.findings(context.skippedBackups());
        Optional<Backup> newest = context.latest();
        if (newest.isEmpty()) {
            return result.metric("futureBackups", future.size())
                    .summary("every backup is dated in the future, the newest " + future.get(future.size() - 1).id())
                    .build();
        }
        Optional<Backup> withData = newestWithData(context, result);
        if (withData.isEmpty()) {
            return result.finding(Finding.fail(newest.get().id(), "no backup holds any data: the newest, "
                    + newest.get().id() + ", is empty like every one before it"))
                    .summary("no backup holds any data").build();
        }
        Backup backup = withData.get();
        Duration age = Duration.between(backup.time(), context.now());
        result.metric("latestBackup", backup.id())
                .metric("latestBackupTime", backup.time().toString())
                .metric("ageSeconds", age.getSeconds())
                .metric("futureBackups", future.size());
        String ageText = DurationValue.format(age.isNegative() ? Duration.ZERO : age);
        String dated = future.isEmpty() ? "" : " (" + future.size() + " dated in the future not counted)";
        if (age.compareTo(maxAge) > 0) {
            return result.finding(Finding.fail(backup.id(), "newest backup is " + ageText + " old, more than "
                            + spec.maxAge() + " allowed"))
                    .summary("newest backup is " + ageText + " old (max " + spec.maxAge() + ")" + dated).build();
        }
        Optional<Duration> zoneAge = ageIfNamedEastOfUtc(context, backup);
        if (zoneAge.isPresent() && zoneAge.get().compareTo(maxAge) > 0) {
            return result.finding(Finding.warn(backup.id(), "its name reads " + backup.time() + " because the plan "
                            + "gives no timezone, but it was last written at " + backup.modified() + ", "
                            + DurationValue.format(Duration.between(backup.modified(), backup.time()))
                            + " earlier: if the job names its backups in local time east of UTC it is "
                            + DurationValue.format(zoneAge.get()) + " old, more than " + spec.maxAge()
                            + " allowed; set the plan's timezone: to the zone of the names (timezone: UTC if they are "
                            + "UTC)"))
                    .summary("newest backup is " + ageText + " old by its name read in UTC, "
                            + DurationValue.format(zoneAge.get()) + " by when it was written (max " + spec.maxAge()
                            + "); the plan gives no timezone" + dated)
                    .build();
        }
        Optional<Instant> touchedOnly;
        try {
            touchedOnly = newestFileIfOnlyTheFolderIsYoung(context, backup, maxAge);
        } catch (IOException e) {
            return result.finding(Finding.warn(backup.id(), "the folder was last changed " + ageText + " ago, but "
                            + "what it holds cannot be listed to see whether any file in it is that young (a removal "
                            + "also changes a folder's time): " + IoErrors.describe(e)))
                    .summary("newest backup " + backup.id() + " is " + ageText + " old by its folder's time, not "
                            + "confirmed by its files (max " + spec.maxAge() + ")" + dated)
                    .build();
        }
        if (touchedOnly.isPresent()) {
            Duration fileAge = Duration.between(touchedOnly.get(), context.now());
            return result.finding(Finding.warn(backup.id(), "the folder was last changed " + ageText + " ago, but "
                            + "the newest file in it was written " + DurationValue.format(fileAge) + " ago, more than "
                            + spec.maxAge() + " allowed: a file was removed or renamed in it without a backup being "
                            + "written; if the job keeps the files' own times (rsnapshot, rsync -a, cp -a), give the "
                            + "backups dated names (a namePattern with the date) so that freshness reads the name"))
                    .summary("newest backup " + backup.id() + " is " + ageText + " old by its folder's time, "
                            + DurationValue.format(fileAge) + " by its newest file (max " + spec.maxAge() + ")"
                            + dated)
                    .build();
        }
        return result.status(Status.PASS)
                .summary("newest backup " + backup.id() + " is " + ageText + " old (max " + spec.maxAge() + ")"
                        + dated)
                .build();
    }

    /**
     * The age of a backup by when the store says it was written, when its name was read in UTC only because the
     * plan gives no timezone and it was written earlier than its name says by no more than the widest offset east
     * of UTC: the mark a job naming its backups in local time leaves. Written days before its name (rsync -a keeps
     * the source folder's time) is no zone's offset and tells nothing.
     */
    private static Optional<Duration> ageIfNamedEastOfUtc(CheckContext context, Backup backup) {
        if (backup.modified() == null || !context.zoneAssumed(backup)) {
            return Optional.empty();
        }
        Duration earlier = Duration.between(backup.modified(), backup.time());
        if (earlier.compareTo(NAME_CLOCK_SLACK) <= 0 || earlier.compareTo(WIDEST_EAST_OFFSET) > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(backup.modified(), context.now()));
    }

    /**
     * For a folder dated only by its own time, the time of its newest data file when every file is older than the
     * limit: removing or renaming something in an old backup folder makes the folder's time new while nothing new
     * was written. Stops at the first file young enough, so a fresh backup costs a file or two.
     */
    private static Optional<Instant> newestFileIfOnlyTheFolderIsYoung(CheckContext context, Backup backup,
            Duration maxAge) throws IOException {
        if (!backup.directory() || !"modified".equals(backup.timeSource())) {
            return Optional.empty();
        }
        Instant limit = context.now().minus(maxAge);
        Instant[] newest = {null};
        boolean young = context.anyEntry(backup, entry -> {
            if (!CheckContext.isData(entry)) {
                return false;
            }
            if (entry.modified() == null || !entry.modified().isBefore(limit)) {
                return true;
            }
            if (newest[0] == null || entry.modified().isAfter(newest[0])) {
                newest[0] = entry.modified();
            }
            return false;
        });
        return young ? Optional.empty() : Optional.ofNullable(newest[0]);
    }

    /**
     * The newest backup that holds data. A newer one without any (an empty folder a job made before it died, a
     * 0-byte dump) is a WARN and is not taken for the newest, so that it cannot hide that the backups stopped.
     */
    private static Optional<Backup> newestWithData(CheckContext context, CheckResult.Builder result) {
        return context.newestWithData(empty -> result.finding(Finding.warn(empty.id(), "holds no data (no file, or "
                + "only empty and checksum files): not taken for the newest backup")));
    }
}
