package io.backupverify.cli;

import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.history.RunHistory;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.restore.RestoreKinds;
import io.backupverify.engine.restore.RestoreTester;
import io.backupverify.engine.restore.ScratchArea;
import io.backupverify.engine.run.VerifyOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Mixin
    private PlanRunOptions run;

    @Option(names = "--scratch", paramLabel = "DIR",
            description = "Restore into scratch folders made here (default: the system's temporary folder).")
    private Path scratch;

    /** The command as {@link QuickCommandLine} read it. */
    static RestoreTestCommand of(QuickCommandLine.Parsed parsed) {
        RestoreTestCommand command = new RestoreTestCommand();
        command.run = PlanRunOptions.of(parsed);
        command.scratch = parsed.path("--scratch");
        return command;
    }

    @Override
    public Integer call() {
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    int execute(PrintWriter out, PrintWriter err) {
        PlanRunOptions.Loaded loaded;
        try {
            run.checkRunNumber();
            if (scratch != null && !Files.isDirectory(scratch)) {
                throw new UsageException("--scratch " + scratch + " is not a folder");
            }
            loaded = run.load();
            if (!RestoreTester.hasRestoreTests(loaded.plan(), run.sets())) {
                throw new UsageException(run.plan() + ": " + (run.sets().isEmpty() ? "no backup set has"
                        : "none of the sets named has") + " a restoreTest key");
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ScratchArea area = scratch == null ? ScratchArea.systemTemporary() : new ScratchArea(scratch.toAbsolutePath());
        RestoreTester tester = new RestoreTester(RestoreKinds.defaults(), area,
                new CredentialedTargetOpener(loaded.plan().baseDir(), loaded.credentials()), loaded.credentials());
        // With a history, a backup the previous test could not restore is restored again (random-within).
        HistoryOption.latestRun(run.history(), loaded.plan(), run.sets(), RunKind.RESTORE_TEST)
                .ifPresent(previous -> tester.restoringAgain(RunHistory.failedRestores(previous)));
        return VerifyRun.execute(loaded.plan(), run.options(VerifyOptions.defaults()), run.reports(), run.history(),
                RunKind.RESTORE_TEST, false, out, err, new RestoreRunner(tester, err));
    }
}
