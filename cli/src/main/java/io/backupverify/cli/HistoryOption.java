package io.backupverify.cli;

import io.backupverify.engine.audit.Auditor;
import io.backupverify.engine.audit.report.TrendSection;
import io.backupverify.engine.check.ClockBehind;
import io.backupverify.engine.check.RecheckSlices;
import io.backupverify.engine.history.RunHistory;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.report.HtmlReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code --history DIR} option: checking it, recording runs in it. */
final class HistoryOption {
    private HistoryOption() {
    }

    /** Refuses a history path that cannot work before anything runs. */
    static void check(Path history) throws UsageException {
        if (history == null) {
            return;
        }
        if (history.toString().isBlank()) {
            throw new UsageException("--history needs a folder name");
        }
        if (Files.exists(history) && !Files.isDirectory(history)) {
            throw new UsageException("--history " + history + " is a file; name a folder (it is created if missing)");
        }
    }

    /**
     * When the latest run recorded in the history started, which this machine's clock must not read earlier than;
     * null without a history, or when it cannot be read (recording the run then says why).
     */
    static ClockBehind.Witness latestRunStart(Path history) {
        if (history == null) {
            return null;
        }
        try {
            return new RunHistory(history).latestRunStart()
                    .map(start -> new ClockBehind.Witness("the start of the latest run recorded in the history", start))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The latest verify run of the plan's {@code selected} sets (all when none is named) recorded in the history. The
     * run after it takes the next run number, so that a sampled integrity check takes the next slice whatever the
     * schedule (by the day number, a weekly run with 7 slices would read the same slice every week). Empty without a
     * history, without such a run in it, or when it cannot be read (recording the run then says why).
     */
    static Optional<RunRecord> latestVerifyRun(Path history, Plan plan, List<String> selected) {
        return latestRun(history, plan, selected, RunKind.VERIFY);
    }

    /**
     * Per set of the plan's {@code selected} sets (all when none is named), the integrity sample slices to read again
     * that the history's verify runs of the plan ask for, whatever sets they ran with and whatever their sample was
     * ({@link RunHistory#rechecks(Set, List)}). Empty without a history, or when it cannot be read (recording the run
     * then says why).
     */
    static Map<String, RecheckSlices> rechecks(Path history, Plan plan, List<String> selected) {
        if (history == null) {
            return Map.of();
        }
        try {
            return new RunHistory(history).rechecks(planNames(plan), RunHistory.sampledSets(plan, selected));
        } catch (IOException e) {
            return Map.of();
        }
    }

    /**
     * The latest run of {@code kind} of the plan's {@code selected} sets (for restore tests, those of them with a
     * {@code restoreTest}: the only ones such a run records), found as {@link #latestVerifyRun}.
     */
    static Optional<RunRecord> latestRun(Path history, Plan plan, List<String> selected, RunKind kind) {
        if (history == null) {
            return Optional.empty();
        }
        try {
            return new RunHistory(history).latestRun(kind, planNames(plan), setsOf(plan, selected, kind));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The plan's {@code selected} sets (all when none is named) that a run of {@code kind} records. */
    private static List<String> setsOf(Plan plan, List<String> selected, RunKind kind) {
        return plan.backupSets().stream()
                .filter(set -> kind != RunKind.RESTORE_TEST || set.restoreTest() != null).map(BackupSetSpec::name)
                .filter(name -> selected.isEmpty() || selected.contains(name)).toList();
    }

    /** The names the history may have recorded the plan under: its file's real path, and the name as given. */
    private static Set<String> planNames(Plan plan) {
        return Set.copyOf(List.of(planIdentity(plan.source()), plan.source()));
    }

    /**
     * The plan as the history records it: its file's real absolute path, so that {@code verify plan.yaml} run in its
     * folder by cron and {@code verify /etc/backup/plan.yaml} run by hand are one plan, whose runs continue one
     * rotation of the sample and read again what the other found broken; the name as given when it is no file.
     */
    static String planIdentity(String source) {
        try {
            Path file = Path.of(source);
            if (Files.isRegularFile(file)) {
                return file.toRealPath().toString();
            }
        } catch (IOException | InvalidPathException e) {
            // not a file this machine can name: kept as given
        }
        return source;
    }

    /**
     * Records a run; a failure is reported and returned as false, never thrown, so that the reports are still
     * written.
     */
    static boolean record(Path history, RunResult run, RunKind kind, PrintWriter err) {
        try {
            new RunHistory(history).record(new RunResult(planIdentity(run.plan()), run.runNumber(), run.startedAt(),
                    run.finishedAt(), run.sets()), kind);
            return true;
        } catch (IOException e) {
            err.println("error: cannot record the run in the history " + history + ": " + IoErrors.describe(e));
            return false;
        }
    }

    /**
     * The HTML report with the trend charts of the plan's recorded runs; without them (and saying why) when the
     * history cannot be read.
     */
    static ReportFiles.Format htmlWithTrends(Path history, Plan plan, PrintWriter err) {
        String section;
        try {
            section = TrendSection.html(new Auditor().audit(plan, new RunHistory(history), Instant.now()));
        } catch (IOException e) {
            err.println("warning: no trend charts in the HTML report: cannot read the history " + history + ": "
                    + IoErrors.describe(e));
            section = "";
        }
        HtmlReport report = new HtmlReport(section);
        return (run, out) -> report.write(run, out);
    }
}
