package io.backupverify.engine.check.window;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.plan.WindowSpec;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backups ran inside their window and not longer than {@code maxDuration}. The backups taken within
 * {@code lookback} of the run are evaluated, and always the newest one. A breach by the newest backup fails; a
 * breach by an earlier one warns, so that one overrun stays visible for the lookback without failing every run.
 * A backup whose times cannot be told is an error: the check cannot vouch for it.
 */
public final class WindowCheck implements Check {
    public static final String ID = "window";
    static final int MAX_LISTED_DURATIONS = 1000;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WindowSpec spec;

    public WindowCheck(WindowSpec spec) {
        this.spec = spec;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String advice(Finding finding, CheckContext context) {
        if (finding.severity() == Status.ERROR) {
            return "write a " + spec.marker() + " marker with the backup's real start and end, or fix what stopped "
                    + "its times being read";
        }
        return "check the backup job's schedule and what made it run late or long (data growth, a slow target, "
                + "a job before it)";
    }

    @Override
    public CheckResult run(CheckContext context) {
        CheckResult.Builder result = CheckResult.builder(ID);
        DailyWindow window = spec.hasWindow()
                ? new DailyWindow(spec.start().time(), spec.end().time(), context.zone()) : null;
        if (window != null) {
            result.metric("window", window.toString());
        }
        if (spec.maxDuration() != null) {
            result.metric("maxDurationSeconds", spec.maxDuration().duration().getSeconds());
        }
        result.metric("lookbackSeconds", spec.lookback().duration().getSeconds());
        List<Backup> evaluated = evaluated(context);
        result.metric("evaluated", evaluated.size());
        if (evaluated.isEmpty()) {
            return result.noBackupFound().build();
        }
        Backup newest = evaluated.get(evaluated.size() - 1);
        BackupSpans spans = new BackupSpans(context, spec.marker());
        List<Map<String, Object>> durations = new ArrayList<>();
        int outside = 0;
        int overlong = 0;
        int unknown = 0;
        Duration longest = null;
        BackupSpan newestSpan = null;
        for (Backup backup : evaluated) {
            BackupSpan span;
            try {
                span = spans.of(backup);
            } catch (UnknownSpanException e) {
                result.finding(Finding.error(backup.id(), e.getMessage()));
                unknown++;
                continue;
            } catch (IOException e) {
                result.finding(Finding.error(backup.id(), "cannot read its times: " + IoErrors.describe(e)));
                unknown++;
                continue;
            }
            Status severity = backup == newest ? Status.FAIL : Status.WARN;
            boolean inWindow = window == null || window.holds(span.start(), span.end());
            if (!inWindow) {
                outside++;
                result.finding(new Finding(backup.id(), outsideMessage(span, window, context.zone()), severity));
            }
            Duration duration = span.duration();
            if (spec.maxDuration() != null && duration.compareTo(spec.maxDuration().duration()) > 0) {
                overlong++;
                result.finding(new Finding(backup.id(), "ran " + DurationValue.format(duration)
                        + ", longer than maxDuration " + spec.maxDuration(), severity));
            }
            longest = longest == null || duration.compareTo(longest) > 0 ? duration : longest;
            newestSpan = backup == newest ? span : newestSpan;
            durations.add(entry(backup, span, inWindow));
        }
        result.metric("outsideWindow", outside).metric("overMaxDuration", overlong).metric("unknownTimes", unknown);
        if (longest != null) {
            result.metric("longestDurationSeconds", longest.getSeconds());
        }
        if (newestSpan != null) {
            result.metric("latestBackup", newest.id())
                    .metric("latestStart", newestSpan.start().toString())
                    .metric("latestEnd", newestSpan.end().toString())
                    .metric("latestDurationSeconds", newestSpan.duration().getSeconds());
        }
        result.metric("durations", durations.subList(Math.max(0, durations.size() - MAX_LISTED_DURATIONS),
                durations.size()));
        return result.summary(summary(evaluated.size(), outside, overlong, unknown, newest, newestSpan)).build();
    }

    /** The backups within the lookback, oldest first; the newest backup when none is that recent. */
    private List<Backup> evaluated(CheckContext context) {
        List<Backup> backups = context.backups();
        if (backups.isEmpty()) {
            return List.of();
        }
        Instant from = context.now().minus(spec.lookback().duration());
        List<Backup> recent = backups.stream().filter(backup -> !backup.time().isBefore(from)).toList();
        return recent.isEmpty() ? List.of(backups.get(backups.size() - 1)) : recent;
    }

    private String outsideMessage(BackupSpan span, DailyWindow window, ZoneId zone) {
        String started = "started " + LOCAL.format(span.start().atZone(zone));
        String ended = "ended " + LOCAL.format(span.end().atZone(zone));
        String named = "the window " + window + " (" + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId()) + ")";
        String what;
        if (window.containing(span.start()).isPresent()) {
            what = ended + ", after " + named + " had closed";
        } else if (window.containing(span.end()).isPresent()) {
            what = started + ", outside " + named;
        } else {
            what = started + " and " + ended + ", outside " + named;
        }
        return what;
    }

    private static Map<String, Object> entry(Backup backup, BackupSpan span, boolean inWindow) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("backup", backup.id());
        entry.put("start", span.start().toString());
        entry.put("end", span.end().toString());
        entry.put("durationSeconds", span.duration().getSeconds());
        entry.put("source", span.source());
        entry.put("inWindow", inWindow);
        return entry;
    }

    private String summary(int evaluated, int outside, int overlong, int unknown, Backup newest, BackupSpan span) {
        StringBuilder summary = new StringBuilder().append(evaluated).append(evaluated == 1 ? " backup" : " backups")
                .append(" evaluated");
        if (span != null) {
            summary.append("; newest ").append(newest.id()).append(" ran ")
                    .append(DurationValue.format(span.duration()));
        }
        if (outside > 0) {
            summary.append("; ").append(outside).append(" outside the window");
        }
        if (overlong > 0) {
            summary.append("; ").append(overlong).append(" over maxDuration");
        }
        if (unknown > 0) {
            summary.append("; ").append(unknown).append(" with unknown times");
        }
        return summary.toString();
    }
}
