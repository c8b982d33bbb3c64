package io.backupverify.cli;

import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.restore.RestoreTester;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.VerifyOptions;
import java.io.PrintWriter;

/** Runs a plan's restore tests for the command line: says what stale scratch data it removed, and each phase. */
final class RestoreRunner implements VerifyRun.Runner {
    private final RestoreTester tester;
    private final PrintWriter err;

    RestoreRunner(RestoreTester tester, PrintWriter err) {
        this.tester = tester;
        this.err = err;
    }

    @Override
    public RunResult run(Plan plan, VerifyOptions options) throws InterruptedException {
        RunResult run = tester.run(plan, options);
        tester.staleRemoved().forEach(err::println);
        return run;
    }

    @Override
    public void afterSummary(RunResult run, PrintWriter out) {
        RestoreSummaryPrinter.print(run, out);
    }
}
