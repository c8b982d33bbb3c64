package io.backupverify.cli;

import io.backupverify.engine.util.ToolVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code backup-verify} command. */
@Command(name = "backup-verify", mixinStandardHelpOptions = true, versionProvider = BackupVerifyCommand.Version.class,
        description = "Proves that backups are there, whole and restorable.",
        subcommands = {VerifyCommand.class, RestoreTestCommand.class, ValidateCommand.class, DemoCommand.class,
                AuditCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:PASS: every check passed", "1:WARN: a check warned", "2:FAIL: a check failed",
                "3:ERROR: a check could not be carried out", "64:bad command line or plan"})
public final class BackupVerifyCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        WarmUps.begin(args);
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code, writing to the given streams. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new BackupVerifyCommand());
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
