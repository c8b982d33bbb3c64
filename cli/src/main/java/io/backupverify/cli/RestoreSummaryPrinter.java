package io.backupverify.cli;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.restore.RestoreCheck;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.io.PrintWriter;

/** One line per restore test: what was restored, how long each phase took, and the RTO. */
final class RestoreSummaryPrinter {
    private RestoreSummaryPrinter() {
    }

    static void print(RunResult run, PrintWriter out) {
        out.println();
        out.println("Restore tests:");
        for (SetResult set : run.sets()) {
            for (CheckResult check : set.checks()) {
                if (check.id().equals(RestoreCheck.ID)) {
                    out.printf("  %-5s %s: %s%n", check.status(), TerminalText.safe(set.name()),
                            TerminalText.safe(check.summary()));
                }
            }
        }
        out.flush();
    }
}
