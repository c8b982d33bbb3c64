package io.backupverify.cli;

import io.backupverify.engine.util.LinkageErrors;
import io.backupverify.engine.util.ToolVersion;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code backup-verify} command. A plain command line of {@code verify} or {@code restore-test} is read by
 * {@link QuickCommandLine} without picocli; any other goes to picocli. Its sub-commands are added by
 * {@link #execute}: only the one named first on the command line when it names one (picocli reads every
 * sub-command's options when it is added, which costs a noticeable part of a short run's start-up), else all of
 * them, for help and for messages about a wrong command.
 */
@Command(name = "backup-verify", mixinStandardHelpOptions = true, versionProvider = BackupVerifyCommand.Version.class,
        description = "Proves that backups are there, whole and restorable.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:PASS: every check passed", "1:WARN: a check warned", "2:FAIL: a check failed",
                "3:ERROR: a check could not be carried out", "64:bad command line or plan"})
public final class BackupVerifyCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * The sub-commands by name, in the order help lists them (picocli's {@code help} comes last). In a class of its
     * own, so that a command line read without picocli does not link these lambdas.
     */
    private static final class Subcommands {
        static final Map<String, Supplier<Object>> BY_NAME = new LinkedHashMap<>();

        static {
            BY_NAME.put("verify", VerifyCommand::new);
            BY_NAME.put("restore-test", RestoreTestCommand::new);
            BY_NAME.put("validate", ValidateCommand::new);
            BY_NAME.put("demo", DemoCommand::new);
            BY_NAME.put("audit", AuditCommand::new);
        }

        private Subcommands() {
        }
    }

    public static void main(String[] args) {
        WarmUps.begin(args);
        PrintWriter err = new PrintWriter(System.err, true);
        int exitCode;
        try {
            exitCode = execute(args, new PrintWriter(System.out, true), err);
        } catch (LinkageError e) {
            err.println("error: " + missingLibrary(e));
            exitCode = ExitCodes.ERROR;
        }
        System.exit(exitCode);
    }

    /** Said when backup-verify.jar runs without the lib folder it was built with (its manifest names those jars). */
    static String missingLibrary(LinkageError e) {
        return "a library of backup-verify is missing or of another version (" + LinkageErrors.missingClass(e)
                + "): keep the lib folder that was built with backup-verify.jar beside it";
    }

    /** Runs the command line and returns the exit code, writing to the given streams. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Integer quick = QuickCommandLine.execute(args, out, err);
        if (quick != null) {
            return quick;
        }
        CommandLine commandLine = new CommandLine(new BackupVerifyCommand());
        Supplier<Object> named = args.length > 0 ? Subcommands.BY_NAME.get(args[0]) : null;
        if (named != null) {
            commandLine.addSubcommand(named.get());
        } else {
            Subcommands.BY_NAME.values().forEach(subcommand -> commandLine.addSubcommand(subcommand.get()));
            commandLine.addSubcommand(new CommandLine.HelpCommand());
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine failed = exception.getCommandLine();
            failed.getErr().println("error: " + exception.getMessage());
            failed.getErr().println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            failed.getErr().println("error: internal error: " + exception);
            return ExitCodes.ERROR;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: verify, "
                + "restore-test, audit, validate or demo");
    }

    /** The version the build recorded. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolVersion.NAME + " " + ToolVersion.version()};
        }
    }
}
