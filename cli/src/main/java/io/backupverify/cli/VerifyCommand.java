package io.backupverify.cli;

import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.run.VerifyOptions;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backup-verify verify PLAN}: runs a plan's checks. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Verify the backup sets of a plan and report a verdict per check.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:PASS", "1:WARN", "2:FAIL", "3:ERROR (a check could not be carried out)",
                "64:bad command line or plan"})
final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private PlanRunOptions run;

    @Option(names = "--threads", paramLabel = "N", description = "Files read at once (default: ${DEFAULT-VALUE}).")
    private int threads = VerifyOptions.defaultThreads();

    @Option(names = "--no-progress", description = "Never show progress (shown on standard error when it is a "
            + "terminal).")
    private boolean noProgress;

    /** The command as {@link QuickCommandLine} read it. */
    static VerifyCommand of(QuickCommandLine.Parsed parsed) {
        VerifyCommand command = new VerifyCommand();
        command.run = PlanRunOptions.of(parsed);
        String threads = parsed.value("--threads");
        if (threads != null) {
            command.threads = Integer.parseInt(threads);
        }
        command.noProgress = parsed.flag("--no-progress");
        return command;
    }

    @Override
    public Integer call() {
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    int execute(PrintWriter out, PrintWriter err) {
        PlanRunOptions.Loaded loaded;
        try {
            if (threads < 1) {
                throw new UsageException("--threads must be at least 1");
            }
            loaded = run.load();
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        VerifyOptions options = run.options(VerifyOptions.defaults().withThreads(threads));
        Optional<RunRecord> previous = HistoryOption.latestVerifyRun(run.history(), loaded.plan(), run.sets());
        if (previous.isPresent() && !run.runNumberGiven() && previous.get().runNumber() < Long.MAX_VALUE) {
            options = options.withRunNumber(previous.get().runNumber() + 1);
        }
        options = options.withRechecks(HistoryOption.rechecks(run.history(), loaded.plan(), run.sets()));
        boolean progress = !noProgress && Terminal.isTerminal(Terminal.STDERR);
        return VerifyRun.execute(loaded.plan(), loaded.credentials(), options, run.reports(), run.history(), progress,
                out, err);
    }
}
