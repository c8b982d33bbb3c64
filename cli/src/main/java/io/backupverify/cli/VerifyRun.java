package io.backupverify.cli;

import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Verifies a plan, writes the reports, prints the summary and gives the exit code. */
final class VerifyRun {
    private VerifyRun() {
    }

    static int execute(Plan plan, VerifyOptions options, ReportOptions reports, boolean showProgress,
            PrintWriter out, PrintWriter err) {
        return execute(plan, options, reports, null, showProgress, out, err);
    }

    /** @param history the history folder to record the run in, or null */
    static int execute(Plan plan, VerifyOptions options, ReportOptions reports, Path history, boolean showProgress,
            PrintWriter out, PrintWriter err) {
        RunResult run;
        try (ProgressPrinter progress = showProgress ? new ProgressPrinter(err) : null) {
            VerifyOptions effective = progress == null ? options : options.withProgress(progress);
            run = new Verifier().verify(plan, effective);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return ExitCodes.ERROR;
        }
        boolean recorded = history == null || HistoryOption.record(history, run, RunKind.VERIFY, err);
        boolean reportsWritten = writeReports(plan, run, reports, history, err) && recorded;
        SummaryPrinter.print(run, out);
        printReportLocations(reports, out);
        return reportsWritten ? run.status().exitCode() : Math.max(run.status().exitCode(), ExitCodes.ERROR);
    }

    private static boolean writeReports(Plan plan, RunResult run, ReportOptions reports, Path history,
            PrintWriter err) {
        boolean ok = write(reports.json, run, ReportFiles.JSON, err);
        ok &= write(reports.junit, run, ReportFiles.JUNIT, err);
        ok &= write(reports.html, run, history == null || reports.html == null ? ReportFiles.HTML
                : HistoryOption.htmlWithTrends(history, plan, err), err);
        return ok;
    }

    private static boolean write(Path file, RunResult run, ReportFiles.Format format, PrintWriter err) {
        return ReportFiles.tryWrite(file, out -> format.write(run, out), err);
    }

    private static void printReportLocations(ReportOptions reports, PrintWriter out) {
        if (reports.json == null && reports.junit == null && reports.html == null) {
            return;
        }
        out.println();
        out.println("Reports:");
        print(out, "JSON", reports.json);
        print(out, "JUnit XML", reports.junit);
        print(out, "HTML", reports.html);
        out.flush();
    }

    private static void print(PrintWriter out, String label, Path file) {
        if (file != null) {
            out.printf("  %-9s %s%n", label, file.toAbsolutePath());
        }
    }
}
