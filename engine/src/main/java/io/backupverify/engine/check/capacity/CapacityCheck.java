package io.backupverify.engine.check.capacity;

import io.backupverify.engine.check.Advice;
import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.ByteSize;
import io.backupverify.engine.plan.CapacityMeasure;
import io.backupverify.engine.plan.CapacitySpec;
import io.backupverify.engine.target.StorageUsage;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Used space on the target against the quota, or the storage's size when no quota is given: WARN from
 * {@code warnAt}, FAIL from {@code failAt}. Space the target cannot report is an ERROR. A growth estimate from the
 * set's backups gives the days until {@code warnAt} and until full.
 */
public final class CapacityCheck implements Check {
    public static final String ID = "capacity";
    /** Metric value of the day estimates when usage is not growing or too few backups tell. */
    public static final double NO_ESTIMATE = -1;
    /** Metric value of the growth when too few backups tell. */
    public static final long NO_GROWTH = -1;
    private static final String BACKUPS_SOURCE = "backups";

    private final CapacitySpec spec;

    public CapacityCheck(CapacitySpec spec) {
        this.spec = spec;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String advice(Finding finding, CheckContext context) {
        if (finding.severity() == Status.ERROR) {
            return Advice.general(finding);
        }
        return "free space (prune old backups as the retention policy allows) or enlarge the storage before a "
                + "backup fails for want of it";
    }

    @Override
    public CheckResult run(CheckContext context) {
        CheckResult.Builder result = CheckResult.builder(ID)
                .metric("warnAtPercent", spec.warnAt().value())
                .metric("failAtPercent", spec.failAt().value());
        result.metric("measure", spec.measure().key());
        Optional<StorageUsage> reported;
        try {
            reported = spec.measure() == CapacityMeasure.BACKUPS ? Optional.of(backupsUsage(context))
                    : context.target().usage();
        } catch (IOException e) {
            return result.status(Status.ERROR)
                    .summary("cannot measure the used space: " + IoErrors.describe(e)).build();
        }
        if (reported.isEmpty()) {
            return result.status(Status.ERROR)
                    .summary("the target cannot report its used space, so capacity cannot be checked").build();
        }
        StorageUsage usage = reported.get();
        if (usage.usedBytes() < 0) {
            return result.status(Status.ERROR).summary("the target reported no used space figure").build();
        }
        long total;
        String totalSource;
        if (spec.measure() == CapacityMeasure.BACKUPS) {
            total = spec.quota().bytes();
            totalSource = "quota";
        } else if (spec.quota() != null && usage.hasTotal() && usage.totalBytes() < spec.quota().bytes()) {
            total = usage.totalBytes();
            totalSource = usage.source() + ", smaller than the quota " + spec.quota();
        } else if (spec.quota() != null) {
            total = spec.quota().bytes();
            totalSource = "quota";
        } else if (usage.hasTotal()) {
            total = usage.totalBytes();
            totalSource = usage.source();
        } else {
            return result.status(Status.ERROR).metric("usedBytes", usage.usedBytes())
                    .summary("the target has no fixed size; set capacity.quota to check its used space").build();
        }
        long used = usage.usedBytes();
        double percent = used * 100.0 / total;
        result.metric("usedBytes", used)
                .metric("totalBytes", total)
                .metric("usedPercent", round(percent, 2))
                .metric("usageSource", usage.source())
                .metric("totalSource", totalSource);

        Status level = new UsageThresholds(spec.warnAt(), spec.failAt()).rate(used, total);
        String usedText = ByteSize.format(used) + " of " + ByteSize.format(total) + " (" + totalSource + ") used, "
                + String.format(Locale.ROOT, "%.1f%%", percent);
        if (level == Status.FAIL) {
            result.finding(Finding.fail(context.target().description(), usedText + ", at or above failAt "
                    + spec.failAt()));
        } else if (level == Status.WARN) {
            result.finding(Finding.warn(context.target().description(), usedText + ", at or above warnAt "
                    + spec.warnAt()));
        }

        String forecast = forecast(context, used, total, result);
        String room = spec.measure() == CapacityMeasure.BACKUPS ? roomOnTheDisk(context, result) : "";
        return result.summary(measured(usage) + usedText + "; " + forecast + room).build();
    }

    /**
     * With {@code measure: backups} the quota says nothing of the disk the set shares with other data: when that
     * disk has no room for another backup as large as the newest, the next one fails however little of the quota
     * the backups use. FAIL then, WARN when it has room for one more only. Targets without a fixed size (object
     * stores) are not asked.
     */
    private static String roomOnTheDisk(CheckContext context, CheckResult.Builder result) {
        Optional<StorageUsage> disk;
        long newest;
        try {
            disk = context.target().usage();
            Optional<Backup> latest = context.newestWithData(empty -> { });
            newest = latest.isEmpty() ? 0 : size(context, latest.get());
        } catch (IOException e) {
            result.finding(Finding.error(context.target().description(), "cannot measure the free space of the "
                    + "storage: " + IoErrors.describe(e)));
            return "";
        }
        if (disk.isEmpty() || !disk.get().hasTotal() || disk.get().usedBytes() < 0) {
            return "";
        }
        long free = Math.max(0, disk.get().totalBytes() - disk.get().usedBytes());
        result.metric("storageFreeBytes", free);
        String freeText = "the storage holding the backups (" + disk.get().source() + ") has " + ByteSize.format(free)
                + " free";
        if (free == 0 || free < newest) {
            result.finding(Finding.fail(context.target().description(), freeText + ", less than the newest backup ("
                    + ByteSize.format(newest) + "): the next backup will not fit, whatever the quota allows"));
        } else if (free < 2 * newest) {
            result.finding(Finding.warn(context.target().description(), freeText + ", room for one more backup as "
                    + "large as the newest (" + ByteSize.format(newest) + ") only"));
        }
        return "; " + freeText;
    }

    /** The sum of every backup of this set found on the target (future-dated ones too: they take space). */
    private static StorageUsage backupsUsage(CheckContext context) throws IOException {
        long bytes = 0;
        for (Backup backup : context.allBackups()) {
            bytes += size(context, backup);
        }
        return new StorageUsage(bytes, -1, BACKUPS_SOURCE);
    }

    private static long size(CheckContext context, Backup backup) throws IOException {
        return backup.directory() ? context.totalBytes(backup) : backup.size();
    }

    private static String measured(StorageUsage usage) {
        if (BACKUPS_SOURCE.equals(usage.source())) {
            return "this set's backups: ";
        }
        return ("filesystem".equals(usage.source()) ? "file system" : usage.source()) + ": ";
    }

    private String forecast(CheckContext context, long used, long total, CheckResult.Builder result) {
        Optional<GrowthEstimate> estimate;
        try {
            estimate = GrowthEstimate.of(sizes(context));
        } catch (IOException e) {
            result.metric("growthBytesPerDay", NO_GROWTH).metric("daysUntilWarn", NO_ESTIMATE)
                    .metric("daysUntilFull", NO_ESTIMATE);
            result.finding(Finding.error("(growth)", "cannot measure the backups' sizes: " + IoErrors.describe(e)));
            return "growth unknown";
        }
        if (estimate.isEmpty()) {
            result.metric("growthBytesPerDay", NO_GROWTH)
                    .metric("daysUntilWarn", used >= UsageThresholds.limit(total, spec.warnAt()) ? 0.0 : NO_ESTIMATE)
                    .metric("daysUntilFull", used >= total ? 0.0 : NO_ESTIMATE);
            return "growth unknown (needs two backups at different times within " + spec.growthWindow() + ")";
        }
        GrowthEstimate growth = estimate.get();
        double untilWarn = growth.daysUntil(used, UsageThresholds.limit(total, spec.warnAt())).orElse(NO_ESTIMATE);
        double untilFull = growth.daysUntil(used, total).orElse(NO_ESTIMATE);
        result.metric("growthBytesPerDay", Math.round(growth.bytesPerDay()))
                .metric("backupSizeChangeBytesPerDay", Math.round(growth.sizeChangePerDay()))
                .metric("growthBackups", growth.backups())
                .metric("growthSpanDays", round(growth.span().getSeconds() / 86_400.0, 2))
                .metric("daysUntilWarn", round(untilWarn, 1))
                .metric("daysUntilFull", round(untilFull, 1));
        String rate = ByteSize.format(Math.round(growth.bytesPerDay())) + "/day from " + growth.backups()
                + " backups";
        if (untilFull < 0) {
            return "growing " + rate + "; not filling up";
        }
        return "growing " + rate + "; " + days(untilWarn) + " to warnAt, " + days(untilFull) + " to full";
    }

    /** The backups within the growth window before the newest one, with their sizes, oldest first. */
    private List<SizedBackup> sizes(CheckContext context) throws IOException {
        List<SizedBackup> sizes = new ArrayList<>();
        Optional<Backup> latest = context.latest();
        if (latest.isEmpty()) {
            return sizes;
        }
        Instant from = latest.get().time().minus(spec.growthWindow().duration());
        for (Backup backup : context.backups()) {
            if (!backup.time().isBefore(from)) {
                sizes.add(new SizedBackup(backup.time(), size(context, backup)));
            }
        }
        return sizes;
    }

    /** Days in words; a date more than 100 years away is no forecast anyone can act on. */
    private static String days(double days) {
        if (days < 0) {
            return "never";
        }
        return days > 36_525 ? "not within 100 years" : String.format(Locale.ROOT, "%.1f days", days);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
