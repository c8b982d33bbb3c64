package io.backupverify.cli;

import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Verifies a plan, writes the reports, prints the summary and gives the exit code. */
final class VerifyRun {
    private VerifyRun() {
    }

    /** How a command runs a plan: {@code verify} verifies it, {@code restore-test} runs its restore tests. */
    @FunctionalInterface
    interface Runner {
        RunResult run(Plan plan, VerifyOptions options) throws InterruptedException;

        /** Prints what this kind of run adds below the summary. */
        default void afterSummary(RunResult run, PrintWriter out) {
        }
    }

    static int execute(Plan plan, CredentialResolver credentials, VerifyOptions options, ReportOptions reports,
            boolean showProgress, PrintWriter out, PrintWriter err) {
        return execute(plan, credentials, options, reports, null, showProgress, out, err);
    }

    /** Verifies, and records the run in {@code history} unless it is null. */
    static int execute(Plan plan, CredentialResolver credentials, VerifyOptions options, ReportOptions reports,
            Path history, boolean showProgress, PrintWriter out, PrintWriter err) {
        return execute(plan, options, reports, history, RunKind.VERIFY, showProgress, out, err,
                new Verifier(new CredentialedTargetOpener(plan.baseDir(), credentials))::verify);
    }

    static int execute(Plan plan, VerifyOptions options, ReportOptions reports, boolean showProgress,
            PrintWriter out, PrintWriter err, Runner runner) {
        return execute(plan, options, reports, null, RunKind.VERIFY, showProgress, out, err, runner);
    }

    /**
     * Runs, records the run as {@code kind} in {@code history} (unless null), writes the reports (the HTML one
     * with the history's trend charts) and prints the summary.
     */
    static int execute(Plan plan, VerifyOptions options, ReportOptions reports, Path history, RunKind kind,
            boolean showProgress, PrintWriter out, PrintWriter err, Runner runner) {
        RunResult run;
        try (ProgressPrinter progress = showProgress ? new ProgressPrinter(err) : null) {
            VerifyOptions effective = (progress == null ? options : options.withProgress(progress))
                    .withCoverageKept(history != null).withLaterThan(HistoryOption.latestRunStart(history));
            run = runner.run(plan, effective);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return ExitCodes.ERROR;
        }
        boolean recorded = history == null || HistoryOption.record(history, run, kind, err);
        Set<Path> notWritten = writeReports(plan, run, reports, history, err);
        SummaryPrinter.print(run, out, reports.summaryStyle());
        runner.afterSummary(run, out);
        printReportLocations(reports, notWritten, out);
        if (!recorded) {
            out.println("The run was not recorded in the history " + history + " (see the error above).");
            out.flush();
        }
        return notWritten.isEmpty() && recorded ? run.status().exitCode()
                : Math.max(run.status().exitCode(), ExitCodes.ERROR);
    }

    /** Writes the reports asked for; returns those that could not be written. */
    private static Set<Path> writeReports(Plan plan, RunResult run, ReportOptions reports, Path history,
            PrintWriter err) {
        Set<Path> failed = new HashSet<>();
        write(reports.json, run, ReportFiles.JSON, err, failed);
        write(reports.junit, run, ReportFiles.JUNIT, err, failed);
        write(reports.html, run, history == null || reports.html == null ? ReportFiles.HTML
                : HistoryOption.htmlWithTrends(history, plan, err), err, failed);
        return failed;
    }

    private static void write(Path file, RunResult run, ReportFiles.Format format, PrintWriter err,
            Set<Path> failed) {
        if (!ReportFiles.tryWrite(file, out -> format.write(run, out), err)) {
            failed.add(file);
        }
    }

    private static void printReportLocations(ReportOptions reports, Set<Path> notWritten, PrintWriter out) {
        if (reports.json == null && reports.junit == null && reports.html == null) {
            return;
        }
        out.println();
        out.println("Reports:");
        print(out, "JSON", reports.json, notWritten);
        print(out, "JUnit XML", reports.junit, notWritten);
        print(out, "HTML", reports.html, notWritten);
        out.flush();
    }

    private static void print(PrintWriter out, String label, Path file, Set<Path> notWritten) {
        if (file != null) {
            out.printf("  %-9s %s%s%n", label, file.toAbsolutePath(), notWritten.contains(file)
                    ? "  NOT WRITTEN (see the error above)" : "");
        }
    }
}
