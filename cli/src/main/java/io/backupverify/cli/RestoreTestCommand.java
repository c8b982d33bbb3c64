package io.backupverify.cli;

import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.restore.RestoreKinds;
import io.backupverify.engine.restore.RestoreTester;
import io.backupverify.engine.restore.ScratchArea;
import io.backupverify.engine.run.VerifyOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backup-verify restore-test PLAN}: runs the restore tests of a plan's backup sets. */
@Command(name = "restore-test", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Restore a backup of each set that has a restoreTest into a scratch folder, validate it, "
                + "time it against the RTO and remove the scratch data. A restore test is reported as the check "
                + "'restore'.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:PASS", "1:WARN", "2:FAIL", "3:ERROR (a restore test could not be carried out)",
                "64:bad command line or plan"})
final class RestoreTestCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file (YAML).")
    private Path plan;

    @Mixin
    private ReportOptions reports;

    @Option(names = "--set", paramLabel = "NAME", description = "Restore-test only this set (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--scratch", paramLabel = "DIR",
            description = "Restore into scratch folders made here (default: the system's temporary folder).")
    private Path scratch;

    @Option(names = "--run-number", paramLabel = "N",
            description = "Run number that seeds select: { random-within: ... } (Jenkins passes its build number); "
                    + "default: the day number.")
    private Long runNumber;

    @Option(names = "--credentials", paramLabel = "FILE", defaultValue = "${env:BACKUP_VERIFY_CREDENTIALS}",
            description = "Credentials for targets and database servers that name a credentialsId (YAML, readable "
                    + "by you alone); default: $BACKUP_VERIFY_CREDENTIALS. See docs/credentials.md.")
    private Path credentials;

    @Option(names = "--history", paramLabel = "DIR",
            description = "Record this run in the history folder DIR for `backup-verify audit` (restore times "
                    + "against the RTO, restore-test cadence).")
    private Path history;

    @Override
    public Integer call() {
        if (runNumber != null && runNumber < 0) {
            return usage("--run-number cannot be negative");
        }
        if (scratch != null && !Files.isDirectory(scratch)) {
            return usage("--scratch " + scratch + " is not a folder");
        }
        Plan loaded;
        CredentialResolver resolver;
        try {
            reports.check(plan);
            HistoryOption.check(history);
            loaded = PlanLoader.load(plan, sets);
            resolver = CommandLineCredentials.resolver(credentials);
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
        if (!RestoreTester.hasRestoreTests(loaded, sets)) {
            return usage(plan + ": " + (sets.isEmpty() ? "no backup set has" : "none of the sets named has")
                    + " a restoreTest key");
        }
        VerifyOptions options = VerifyOptions.defaults().withSets(sets);
        if (runNumber != null) {
            options = options.withRunNumber(runNumber);
        }
        ScratchArea area = scratch == null ? ScratchArea.systemTemporary() : new ScratchArea(scratch.toAbsolutePath());
        RestoreTester tester = new RestoreTester(RestoreKinds.defaults(), area,
                new CredentialedTargetOpener(loaded.baseDir(), resolver), resolver);
        return VerifyRun.execute(loaded, options, reports, history, RunKind.RESTORE_TEST, false,
                spec.commandLine().getOut(), spec.commandLine().getErr(),
                new RestoreRunner(tester, spec.commandLine().getErr()));
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("error: " + message);
        return ExitCodes.USAGE;
    }
}
