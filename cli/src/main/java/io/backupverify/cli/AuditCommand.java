package io.backupverify.cli;

import io.backupverify.engine.audit.AuditResult;
import io.backupverify.engine.audit.Auditor;
import io.backupverify.engine.audit.report.AuditHtmlReport;
import io.backupverify.engine.audit.report.AuditJUnitReport;
import io.backupverify.engine.audit.report.AuditJsonReport;
import io.backupverify.engine.history.RunHistory;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backup-verify audit PLAN --history DIR}: audits the recorded runs of a plan. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Audit the recorded history of a plan: success rates, recurring failures, slow backups, "
                + "capacity forecast, restore tests, coverage, inventory; findings with actions and escalation, "
                + "mapped to compliance controls.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:PASS: no critical finding and no warning", "1:WARN: a warning", "2:FAIL: a critical finding",
                "3:ERROR: no verify run recorded in the period, or a report could not be written",
                "64:bad command line or plan"})
final class AuditCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file (YAML); its audit: section applies.")
    private Path plan;

    @Option(names = "--history", paramLabel = "DIR", required = true,
            description = "The history folder that verify --history and restore-test --history record into.")
    private Path history;

    @Mixin
    private ReportOptions reports;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plan loaded;
        try {
            reports.check(plan);
            HistoryOption.check(history);
            if (!Files.isDirectory(history)) {
                throw new UsageException("--history " + history + ": no such folder; record runs with verify --history "
                        + "first");
            }
            loaded = PlanLoader.load(plan, List.of());
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        AuditResult audit;
        try {
            audit = new Auditor().audit(loaded, new RunHistory(history), Instant.now());
        } catch (IOException e) {
            err.println("error: cannot read the history " + history + ": " + IoErrors.describe(e));
            return ExitCodes.ERROR;
        }
        boolean written = ReportFiles.tryWrite(reports.json, writer -> new AuditJsonReport().write(audit, writer), err);
        written &= ReportFiles.tryWrite(reports.junit, writer -> new AuditJUnitReport().write(audit, writer), err);
        written &= ReportFiles.tryWrite(reports.html, writer -> new AuditHtmlReport().write(audit, writer), err);
        AuditSummaryPrinter.print(audit, out);
        int code = audit.status().exitCode();
        return written ? code : Math.max(code, ExitCodes.ERROR);
    }
}
