package io.backupverify.engine.check.retention;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.plan.RetentionSpec;
import io.backupverify.engine.target.EarlierVersions;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.SnapshotRestore;
import io.backupverify.engine.target.UnansweredException;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The set keeps what its retention policy promises: a backup in each of the last N days, ISO weeks, months and
 * years; backups reaching back at least {@code minAge}; nothing older than {@code maxAge}.
 *
 * <p>A period without a backup fails. A period that lies before the oldest backup only warns, because a set
 * younger than its policy looks the same as one whose old backups were deleted; {@code since} (the date the set
 * began) turns such periods from that date on into failures. {@code minAge} follows the same rule.
 */
public final class RetentionCheck implements Check {
    public static final String ID = "retention";
    static final int MAX_LISTED = 50;

    private final RetentionSpec spec;

    public RetentionCheck(RetentionSpec spec) {
        this.spec = spec;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String advice(Finding finding, CheckContext context) {
        if (finding.message().startsWith("an earlier version") || finding.item().equals("(expired versions)")) {
            return "delete the noncurrent versions older than maxAge (aws s3api delete-object --version-id), and add "
                    + "a lifecycle rule that expires noncurrent versions (NoncurrentVersionExpiration) so the store "
                    + "disposes of them";
        }
        if (finding.message().contains("may still be kept")) {
            return "let the verifying user read the bucket's versioning (s3:GetBucketVersioning, s3:ListBucketVersions)";
        }
        if (finding.message().contains("older than") || finding.item().equals("(expired)")) {
            return "prune backups older than maxAge (the retention policy or the storage's lifecycle rule is not "
                    + "deleting them)";
        }
        return "make the backup schedule and the pruning policy keep a backup for every period required (keepDaily, "
                + "keepWeekly, keepMonthly, keepYearly)";
    }

    @Override
    public CheckResult run(CheckContext context) throws IOException {
        CheckResult.Builder result = CheckResult.builder(ID);
        List<Backup> backups = context.backups();
        result.metric("backups", backups.size());
        if (backups.isEmpty()) {
            return result.noBackupFound().build();
        }
        ZoneId zone = context.zone();
        Instant now = context.now();
        List<Backup> counted = holdingData(context, backups, zone, now, result);
        if (counted.isEmpty()) {
            return result.finding(Finding.fail(backups.get(backups.size() - 1).id(), "no backup holds any data"))
                    .summary(backups.size() + (backups.size() == 1 ? " backup" : " backups") + ", none holds any data")
                    .build();
        }
        Backup oldest = counted.get(0);
        Backup newest = counted.get(counted.size() - 1);
        result.metric("oldestBackup", oldest.id())
                .metric("oldestBackupTime", oldest.time().toString())
                .metric("newestBackup", newest.id())
                .metric("newestBackupTime", newest.time().toString())
                .metric("oldestAgeSeconds", Duration.between(oldest.time(), now).getSeconds());

        LocalDate since = spec.since() == null ? null : spec.since().date();
        List<LocalDate> dates = new ArrayList<>(counted.size());
        for (Backup backup : counted) {
            dates.add(backup.time().atZone(zone).toLocalDate());
        }
        GfsCoverage coverage = new GfsCoverage(dates, now.atZone(zone).toLocalDate(), since);
        Map<String, Object> tiers = new LinkedHashMap<>();
        List<String> tierSummaries = new ArrayList<>();
        for (CalendarTier tier : CalendarTier.values()) {
            int keep = keep(tier);
            if (keep == 0) {
                continue;
            }
            TierCoverage tierCoverage = coverage.evaluate(tier, keep);
            tiers.put(tier.adjective(), metrics(tierCoverage, coverage.periodsWithBackups(tier)));
            tierSummaries.add(tier.adjective() + " " + tierCoverage.covered() + "/" + keep);
            reportGaps(tierCoverage, zone, now, result);
        }
        if (!tiers.isEmpty()) {
            result.metric("tiers", tiers);
        }
        checkMinAge(oldest, zone, now, result);
        int expired = checkMaxAge(backups, now, result);
        checkEarlierVersions(context, now, result);

        StringBuilder summary = new StringBuilder().append(backups.size())
                .append(backups.size() == 1 ? " backup" : " backups")
                .append(", oldest ").append(oldest.id()).append(", newest ").append(newest.id());
        if (!tierSummaries.isEmpty()) {
            summary.append("; ").append(String.join(", ", tierSummaries));
        }
        if (spec.maxAge() != null) {
            summary.append("; ").append(expired).append(" older than ").append(spec.maxAge());
        }
        return result.summary(summary.toString()).build();
    }

    /**
     * The backups that cover their periods: a folder without any data file (a job that died after making it) or a
     * 0-byte file covers none, and each is a WARN. Only the backups that decide a required period are looked
     * into, newest first, until one in the period holds data. A restic snapshot is recorded only once its backup
     * finished, so snapshots are taken as they are.
     */
    private List<Backup> holdingData(CheckContext context, List<Backup> backups, ZoneId zone, Instant now,
            CheckResult.Builder result) {
        if (context.target() instanceof SnapshotRestore) {
            return backups;
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<CalendarTier, Set<Long>> decided = new EnumMap<>(CalendarTier.class);
        List<Backup> counted = new ArrayList<>();
        int empty = 0;
        for (int i = backups.size() - 1; i >= 0; i--) {
            Backup backup = backups.get(i);
            LocalDate date = backup.time().atZone(zone).toLocalDate();
            if (!decides(decided, date, today)) {
                counted.add(backup);
                continue;
            }
            boolean holdsData;
            try {
                holdsData = context.holdsData(backup);
            } catch (IOException e) {
                result.finding(Finding.error(backup.id(), "cannot look into the backup: " + IoErrors.describe(e)));
                holdsData = true;
            }
            if (holdsData) {
                counted.add(backup);
                for (CalendarTier tier : CalendarTier.values()) {
                    decided.computeIfAbsent(tier, t -> new HashSet<>()).add(tier.index(date));
                }
            } else if (empty++ < MAX_LISTED) {
                result.finding(Finding.warn(backup.id(), "holds no data (no file, or only empty and checksum "
                        + "files): it covers no period"));
            }
        }
        result.metric("emptyBackups", empty);
        Collections.reverse(counted);
        return counted;
    }

    /** Whether a backup of this date lies in a period a tier requires that no backup with data covers yet. */
    private boolean decides(Map<CalendarTier, Set<Long>> decided, LocalDate date, LocalDate today) {
        for (CalendarTier tier : CalendarTier.values()) {
            int keep = keep(tier);
            long period = tier.index(date);
            if (keep > 0 && period >= tier.index(today) - keep
                    && !decided.getOrDefault(tier, Set.of()).contains(period)) {
                return true;
            }
        }
        return false;
    }

    private int keep(CalendarTier tier) {
        return switch (tier) {
            case DAILY -> spec.keepDaily();
            case WEEKLY -> spec.keepWeekly();
            case MONTHLY -> spec.keepMonthly();
            case YEARLY -> spec.keepYearly();
        };
    }

    private static Map<String, Object> metrics(TierCoverage coverage, int periodsWithBackups) {
        CalendarTier tier = coverage.tier();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("required", coverage.required());
        metrics.put("covered", coverage.covered());
        metrics.put("from", tier.label(coverage.firstPeriod()));
        metrics.put("to", tier.label(coverage.lastPeriod()));
        List<Long> missing = coverage.missing();
        metrics.put("missing", missing.subList(Math.max(0, missing.size() - MAX_LISTED), missing.size()).stream()
                .map(tier::label).toList());
        metrics.put("missingCount", coverage.missing().size());
        metrics.put("beforeOldestCount", coverage.beforeOldest().size());
        metrics.put("periodsWithBackups", periodsWithBackups);
        return metrics;
    }

    private void reportGaps(TierCoverage coverage, ZoneId zone, Instant now, CheckResult.Builder result) {
        CalendarTier tier = coverage.tier();
        List<Long> missing = coverage.missing();
        List<Long> newestFirst = new ArrayList<>(missing);
        Collections.reverse(newestFirst);
        for (long period : newestFirst.subList(0, Math.min(missing.size(), MAX_LISTED))) {
            result.finding(Finding.fail(tier.label(period), "no " + tier.adjective() + " backup for "
                    + tier.label(period) + contradiction(tier, period, zone, now)));
        }
        if (missing.size() > MAX_LISTED) {
            result.finding(Finding.fail(tier.adjective(), (missing.size() - MAX_LISTED) + " more " + tier.adjective()
                    + " periods without a backup, back to " + tier.label(missing.get(0))));
        }
        List<Long> young = coverage.beforeOldest();
        if (!young.isEmpty()) {
            String range = young.size() == 1 ? tier.label(young.get(0))
                    : tier.label(young.get(0)) + " to " + tier.label(young.get(young.size() - 1));
            String why = spec.since() == null
                    ? "the set may be younger than the policy, or older backups were deleted; set retention.since "
                            + "to the date the set began so that gaps after it fail"
                    : "they come before the set began (since " + spec.since() + ")";
            result.finding(Finding.warn(range, young.size() + " " + tier.adjective() + " period"
                    + (young.size() == 1 ? "" : "s") + " (" + range + ") predate the oldest backup: " + why));
        }
    }

    /** A note for a period that ended before maxAge reaches back: no backup in it could stay. */
    private String contradiction(CalendarTier tier, long period, ZoneId zone, Instant now) {
        if (spec.maxAge() == null) {
            return "";
        }
        Instant periodEnd = tier.start(period + 1).atStartOfDay(zone).toInstant();
        if (periodEnd.isAfter(now.minus(spec.maxAge().duration()))) {
            return "";
        }
        return " (maxAge " + spec.maxAge() + " expires any backup from then: the policy contradicts itself)";
    }

    private void checkMinAge(Backup oldest, ZoneId zone, Instant now, CheckResult.Builder result) {
        DurationValue minAge = spec.minAge();
        if (minAge == null) {
            return;
        }
        result.metric("minAgeSeconds", minAge.duration().getSeconds());
        Instant reach = now.minus(minAge.duration());
        if (!oldest.time().isAfter(reach)) {
            return;
        }
        LocalDate reachDate = reach.atZone(zone).toLocalDate();
        String shortfall = "the oldest backup is " + DurationValue.format(Duration.between(oldest.time(), now))
                + " old; minAge " + minAge + " asks for backups reaching back to " + reachDate;
        if (spec.since() != null && spec.since().date().isBefore(reachDate)) {
            result.finding(Finding.fail(oldest.id(), shortfall + ", and the set began on " + spec.since()
                    + ": older backups were deleted too early"));
        } else if (spec.since() != null) {
            result.finding(Finding.warn(oldest.id(), shortfall + ", but the set began only on " + spec.since()));
        } else {
            result.finding(Finding.warn(oldest.id(), shortfall + "; the set may be younger than minAge, or older "
                    + "backups were deleted too early; set retention.since to the date the set began so that this "
                    + "fails"));
        }
    }

    /**
     * With maxAge, the earlier versions a versioned store still keeps: a backup deleted there (or a file overwritten)
     * keeps its data as a noncurrent version until that version is removed, so it was not disposed of.
     */
    private void checkEarlierVersions(CheckContext context, Instant now, CheckResult.Builder result)
            throws IOException {
        DurationValue maxAge = spec.maxAge();
        if (maxAge == null || !(context.target() instanceof EarlierVersions store)) {
            return;
        }
        EarlierVersions.Kept kept;
        try {
            kept = store.earlierVersions(now.minus(maxAge.duration()), MAX_LISTED);
        } catch (UnansweredException e) {
            result.finding(Finding.warn(context.target().description(), e.getMessage() + "; data older than maxAge "
                    + maxAge + " may still be kept"));
            return;
        }
        result.metric("expiredVersions", kept.count());
        for (EarlierVersions.KeptData data : kept.named()) {
            Entry version = data.entry();
            result.finding(Finding.fail(version.path(), data.what() + " written " + version.modified() + " ("
                    + DurationValue.format(Duration.between(version.modified(), now)) + " ago, older than maxAge "
                    + maxAge + ") is still kept: " + data.keptBy() + ", so its data was not disposed of"));
        }
        if (kept.count() > kept.named().size()) {
            result.finding(Finding.fail("(expired versions)", (kept.count() - kept.named().size())
                    + " more earlier versions, snapshots or deleted files older than maxAge " + maxAge
                    + " are still kept"));
        }
    }

    /** Names each backup older than maxAge and returns how many there are. */
    private int checkMaxAge(List<Backup> backups, Instant now, CheckResult.Builder result) {
        DurationValue maxAge = spec.maxAge();
        if (maxAge == null) {
            return 0;
        }
        result.metric("maxAgeSeconds", maxAge.duration().getSeconds());
        Instant limit = now.minus(maxAge.duration());
        List<Backup> expired = backups.stream().filter(backup -> backup.time().isBefore(limit)).toList();
        result.metric("expired", expired.size());
        result.metric("expiredBackups", expired.stream().limit(MAX_LISTED).map(Backup::id).toList());
        for (Backup backup : expired.subList(0, Math.min(expired.size(), MAX_LISTED))) {
            result.finding(Finding.fail(backup.id(), "is " + DurationValue.format(Duration.between(backup.time(), now))
                    + " old, older than maxAge " + maxAge + "; it should have been deleted"));
        }
        if (expired.size() > MAX_LISTED) {
            result.finding(Finding.fail("(expired)", (expired.size() - MAX_LISTED)
                    + " more backups older than maxAge " + maxAge));
        }
        return expired.size();
    }
}
