package io.backupverify.cli;

import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

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
        return execute(plan, options, reports, showProgress, out, err,
                new Verifier(new CredentialedTargetOpener(plan.baseDir(), credentials))::verify);
    }

    static int execute(Plan plan, VerifyOptions options, ReportOptions reports, boolean showProgress,
            PrintWriter out, PrintWriter err, Runner runner) {
        RunResult run;
        try (ProgressPrinter progress = showProgress ? new ProgressPrinter(err) : null) {
            VerifyOptions effective = progress == null ? options : options.withProgress(progress);
            run = runner.run(plan, effective);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return ExitCodes.ERROR;
        }
        boolean reportsWritten = writeReports(run, reports, err);
        SummaryPrinter.print(run, out, reports.summaryStyle());
        runner.afterSummary(run, out);
        printReportLocations(reports, out);
        return reportsWritten ? run.status().exitCode() : Math.max(run.status().exitCode(), ExitCodes.ERROR);
    }

    private static boolean writeReports(RunResult run, ReportOptions reports, PrintWriter err) {
        boolean ok = write(reports.json, run, ReportFiles.JSON, err);
        ok &= write(reports.junit, run, ReportFiles.JUNIT, err);
        ok &= write(reports.html, run, ReportFiles.HTML, err);
        return ok;
    }

    private static boolean write(Path file, RunResult run, ReportFiles.Format format, PrintWriter err) {
        if (file == null) {
            return true;
        }
        try {
            ReportFiles.write(file, run, format);
            return true;
        } catch (IOException e) {
            err.println("error: cannot write the report " + file + ": " + IoErrors.describe(e));
            return false;
        }
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
