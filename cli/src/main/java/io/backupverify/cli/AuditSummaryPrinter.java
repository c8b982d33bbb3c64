package io.backupverify.cli;

import io.backupverify.engine.audit.AuditFinding;
import io.backupverify.engine.audit.AuditResult;
import io.backupverify.engine.audit.AuditText;
import io.backupverify.engine.audit.CapacityTrend;
import io.backupverify.engine.audit.CoverageStatement;
import io.backupverify.engine.audit.SetSuccess;
import io.backupverify.engine.audit.Severity;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints an audit for a terminal: the verdict, the success rates, the forecast, coverage and the findings. */
final class AuditSummaryPrinter {
    private AuditSummaryPrinter() {
    }

    static void print(AuditResult audit, PrintWriter out) {
        out.printf("Audit of %s over %s (%s to %s): %s%n", TerminalText.safe(audit.plan()), audit.spec().period(),
                AuditText.day(audit.periodStart()), AuditText.day(audit.auditedAt()), audit.status());
        out.printf("  %d verify runs, %d restore-test runs; findings: %d critical, %d warning, %d info%n",
                audit.verifyRuns(), audit.restoreRuns(), audit.count(Severity.CRITICAL), audit.count(Severity.WARNING),
                audit.count(Severity.INFO));
        if (!audit.damaged().isEmpty()) {
            out.printf("  %d damaged history file(s) skipped%n", audit.damaged().size());
        }
        out.println();
        out.printf("Success rate (PASS or WARN counts as success; minimum %s):%n",
                AuditText.percent(audit.spec().successRate().min().value()));
        for (SetSuccess set : audit.successRates()) {
            line(out, set);
        }
        line(out, audit.overall());
        if (!audit.capacity().isEmpty()) {
            out.println();
            out.println("Capacity:");
            for (CapacityTrend trend : audit.capacity()) {
                out.printf("  %s: %s%n", TerminalText.safe(trend.target()), TerminalText.safe(trend.forecast()));
            }
        }
        if (!audit.coverage().isEmpty()) {
            out.println();
            out.println("Coverage:");
            for (CoverageStatement statement : audit.coverage()) {
                out.printf("  %s%n", TerminalText.safe(statement.statement()));
            }
        }
        out.println();
        if (audit.findings().isEmpty()) {
            out.println("No findings.");
        }
        for (int i = 0; i < audit.findings().size(); i++) {
            AuditFinding finding = audit.findings().get(i);
            out.printf("%2d. %-8s %s%n", i + 1, finding.severity().label().toUpperCase(Locale.ROOT),
                    TerminalText.safe(finding.title()));
            finding.evidence().stream().limit(3).forEach(line -> out.printf("    - %s%n", TerminalText.safe(line)));
            out.printf("    action: %s%n", TerminalText.safe(finding.action()));
            out.printf("    escalate to: %s%n", TerminalText.safe(finding.escalation()));
        }
        out.flush();
    }

    private static void line(PrintWriter out, SetSuccess set) {
        out.printf("  %-24s %7s  %d/%d runs, WARN share %s%n", TerminalText.safe(set.set()),
                set.runs() == 0 ? "-" : AuditText.percent(set.ratePercent()), set.successes(), set.runs(),
                AuditText.percent(set.warnSharePercent()));
    }
}
