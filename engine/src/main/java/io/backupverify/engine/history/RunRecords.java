package io.backupverify.engine.history;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.RecheckSlices;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a run's result down to what the history keeps: verdicts, and per check only the metrics audits and charts
 * use. A restore test keeps all its numeric metrics (restore time, RTO, sizes), since it has few, and the backup it
 * restored (the next test restores again one that did not pass: {@link RunHistory#failedRestores}).
 */
public final class RunRecords {
    /** Longest summary kept, for the evidence of a check that did not pass. */
    static final int MAX_SUMMARY = 300;
    /** The restore check's metric naming the backup it restored. */
    static final String RESTORED_BACKUP = "backup";
    /** Most metrics kept for one check of a restore test. */
    static final int MAX_RESTORE_VALUES = 24;

    private static final Map<String, Set<String>> VERIFY_METRICS = Map.of(
            "freshness", Set.of("ageSeconds", "maxAgeSeconds"),
            "integrity", Set.of("listedFiles", "verifiedFiles", "verifiedBytes", "readBytes", "skippedFiles",
                    "sampleSlices", RecheckSlices.METRIC),
            "window", Set.of("latestDurationSeconds", "maxDurationSeconds", "latestBackup", "latestStart"),
            "capacity", Set.of("usedBytes", "totalBytes", "usedPercent", "warnAtPercent", "failAtPercent"),
            "retention", Set.of("backups", "expired"));

    private RunRecords() {
    }

    public static RunRecord of(RunResult run, RunKind kind) {
        List<SetRecord> sets = run.sets().stream().map(set -> set(set, kind)).toList();
        return new RunRecord(kind, run.plan(), run.runNumber(), run.startedAt(), run.finishedAt(), run.status(),
                sets);
    }

    /**
     * A run that could not start (its plan could not be read, the machine meant to run it was gone): an ERROR without
     * any set, which an audit counts against every set of the plan.
     */
    public static RunRecord couldNotRun(RunKind kind, String plan, long runNumber, Instant at) {
        return new RunRecord(kind, plan, runNumber, at, at, Status.ERROR, List.of());
    }

    private static SetRecord set(SetResult set, RunKind kind) {
        List<CheckRecord> checks = set.checks().stream().map(check -> check(check, kind)).toList();
        return new SetRecord(set.name(), set.target(), set.status(),
                set.latestBackup() == null ? null : set.latestBackup().time(), checks);
    }

    private static CheckRecord check(CheckResult check, RunKind kind) {
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> wanted = VERIFY_METRICS.getOrDefault(check.id(), Set.of());
        for (Map.Entry<String, Object> metric : check.metrics().entrySet()) {
            Object value = metric.getValue();
            boolean small = value instanceof Number || value instanceof Boolean
                    || value instanceof String text && (text.length() <= 200
                            || metric.getKey().equals(RecheckSlices.METRIC) && text.length() <= RecheckSlices.MAX_TEXT);
            boolean keep = kind == RunKind.RESTORE_TEST
                    ? (value instanceof Number || metric.getKey().equals(RESTORED_BACKUP))
                            && values.size() < MAX_RESTORE_VALUES
                    : wanted.contains(metric.getKey());
            if (small && keep) {
                values.put(metric.getKey(), value);
            }
        }
        String summary = check.status() == Status.PASS ? "" : shorten(check.summary());
        return new CheckRecord(check.id(), check.status(), check.durationMs(), summary, values);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 1) + "\u2026";
    }
}
