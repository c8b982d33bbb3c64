package io.backupverify.cli;

import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.history.RunHistory;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.restore.RestoreTester;
import io.backupverify.engine.restore.ScratchArea;
import io.backupverify.engine.restore.database.PostgresRestoreKind;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code backup-verify demo [DIR]}: builds a small demo area, verifies it and writes all three reports. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Create a demo area with a few days of backups (some healthy, one corrupted, one late), "
                + "verify it and write the JSON, JUnit XML and HTML reports.",
                "The verdict is FAIL by design; the command exits 0 when the demo ran."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the demo ran", "3:the demo could not be created", "64:DIR is not usable"})
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            defaultValue = "${sys:java.io.tmpdir}/backup-verify-demo-${sys:user.name}",
            description = "Folder for the demo area (default: ${DEFAULT-VALUE}, under the system's temporary "
                    + "folder); an earlier demo there is replaced.")
    private Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path planFile;
        try {
            planFile = new DemoArea(dir.toAbsolutePath(), Instant.now(), PostgresRestoreKind.embeddedRestorePossible())
                    .create();
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("error: cannot create the demo area in " + dir + ": " + e.getMessage());
            return ExitCodes.ERROR;
        }
        Plan plan;
        try {
            plan = PlanLoader.load(planFile, List.of());
        } catch (UsageException e) {
            err.println("error: the demo plan is broken: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        Path reports = planFile.getParent().resolve("reports");
        Path history = planFile.getParent().resolve("history");
        out.printf("Demo area: %s%nPlan:      %s%n%n", planFile.getParent(), planFile);
        try {
            RunResult first = new Verifier().verify(plan, VerifyOptions.defaults());
            int synthetic = DemoHistory.record(new RunHistory(history), first);
            out.printf("History:   %s (%d synthetic earlier runs, for the audit's charts)%n%n", history, synthetic);
        } catch (IOException e) {
            err.println("error: cannot write the demo history in " + history + ": " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.ERROR;
        }
        VerifyRun.execute(plan, CredentialResolver.NONE, VerifyOptions.defaults(), ReportOptions.of(
                reports.resolve("report.json"), reports.resolve("junit.xml"), reports.resolve("report.html")),
                history, System.console() != null, out, err);
        out.println();
        if (PostgresRestoreKind.embeddedRestorePossible()) {
            out.println("Restore tests of web-assets (its newest archive extracted into a scratch folder and validated)");
            out.println("and shop-db (its newest dump restored into an embedded PostgreSQL and checked with SQL):");
        } else {
            out.println("Restore test of web-assets (its newest archive extracted into a scratch folder and validated);");
            out.println("the database restore test is left out: it needs Linux x86-64 (for the embedded PostgreSQL) and "
                    + "the PostgreSQL client tools psql and pg_restore.");
        }
        RestoreTester tester = new RestoreTester(ScratchArea.systemTemporary());
        VerifyRun.execute(plan, VerifyOptions.defaults(), ReportOptions.of(reports.resolve("restore-report.json"),
                reports.resolve("restore-junit.xml"), reports.resolve("restore-report.html")), history,
                RunKind.RESTORE_TEST, false, out, err, new RestoreRunner(tester, err));
        out.println();
        out.println("Audit of the month (backup-verify audit " + planFile.getFileName() + " --history history):");
        BackupVerifyCommand.execute(new String[] {"audit", planFile.toString(), "--history", history.toString(),
            "--html", reports.resolve("audit.html").toString(), "--json", reports.resolve("audit.json").toString()},
                out, err);
        out.println();
        out.println("The demo plants two problems: a flipped bit in the newest customer-files backup (integrity FAIL)");
        out.println("and analytics exports that stopped three days ago (freshness FAIL); and the copy of orders-db sits");
        out.println("on the same disk as the original, which the copies check warns is not a copy of its own. Open");
        out.println("the HTML report to see them, or run from any folder: " + command() + " verify " + planFile);
        out.println("The audit report (reports/audit.html) charts the month and lists findings with corrective actions.");
        out.flush();
        return ExitCodes.PASS;
    }

    /** How to run this command again from any folder: the jar it runs from, by its absolute path. */
    static String command() {
        try {
            Path code = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (code.toString().endsWith(".jar")) {
                return "java -jar " + code.toAbsolutePath();
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // Fall back to the command's name below.
        }
        return "backup-verify";
    }
}
