package io.backupverify.cli;

import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.run.VerifyOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backup-verify verify PLAN}: runs a plan's checks. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Verify the backup sets of a plan and report a verdict per check.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:PASS", "1:WARN", "2:FAIL", "3:ERROR (a check could not be carried out)",
                "64:bad command line or plan"})
final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file (YAML).")
    private Path plan;

    @Mixin
    private ReportOptions reports;

    @Option(names = "--run-number", paramLabel = "N",
            description = "Run number that picks the integrity sample (Jenkins passes its build number); "
                    + "default: the day number.")
    private Long runNumber;

    @Option(names = "--threads", paramLabel = "N", description = "Files read at once (default: ${DEFAULT-VALUE}).")
    private int threads = VerifyOptions.defaultThreads();

    @Option(names = "--set", paramLabel = "NAME", description = "Verify only this set (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--credentials", paramLabel = "FILE", defaultValue = "${env:BACKUP_VERIFY_CREDENTIALS}",
            description = "Credentials for targets that name a credentialsId (YAML, readable by you alone); "
                    + "default: $BACKUP_VERIFY_CREDENTIALS. See docs/credentials.md.")
    private Path credentials;

    @Option(names = "--no-progress", description = "Never show progress (shown on standard error when it is a "
            + "terminal).")
    private boolean noProgress;

    @Override
    public Integer call() {
        if (threads < 1) {
            return usage("--threads must be at least 1");
        }
        if (runNumber != null && runNumber < 0) {
            return usage("--run-number cannot be negative");
        }
        Plan loaded;
        CredentialResolver resolver;
        try {
            reports.check(plan);
            loaded = PlanLoader.load(plan, sets);
            resolver = CommandLineCredentials.resolver(credentials);
        } catch (UsageException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        VerifyOptions options = VerifyOptions.defaults().withThreads(threads).withSets(sets);
        if (runNumber != null) {
            options = options.withRunNumber(runNumber);
        }
        boolean progress = !noProgress && Terminal.isTerminal(Terminal.STDERR);
        return VerifyRun.execute(loaded, resolver, options, reports, progress, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("error: " + message);
        return ExitCodes.USAGE;
    }
}
