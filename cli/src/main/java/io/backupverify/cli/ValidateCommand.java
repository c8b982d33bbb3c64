package io.backupverify.cli;

import io.backupverify.engine.plan.Plan;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code backup-verify validate PLAN}: reads a plan without touching any target. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a plan file for mistakes without verifying anything.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:the plan is valid", "64:the plan has a mistake"})
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan file (YAML).")
    private Path plan;

    @Override
    public Integer call() {
        try {
            Plan loaded = PlanLoader.load(plan, List.of());
            spec.commandLine().getOut().printf("%s: valid, %d backup set%s%n", plan, loaded.backupSets().size(),
                    loaded.backupSets().size() == 1 ? "" : "s");
            return ExitCodes.PASS;
        } catch (UsageException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
