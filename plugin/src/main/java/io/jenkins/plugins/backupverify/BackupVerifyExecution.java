package io.jenkins.plugins.backupverify;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.backupverify.engine.outcome.BuildOutcome;
import io.backupverify.engine.outcome.OutcomePolicy;
import io.backupverify.engine.outcome.StepReturnValue;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.credentials.PlanCredentials;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.summary.RunSummaryView;
import io.backupverify.engine.summary.SetView;
import java.io.IOException;
import java.io.Serial;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code backupVerify} off the Pipeline thread: reads the plan, resolves its credentials for this build, runs
 * the engine on the workspace's node, records the result and sets the build result.
 */
final class BackupVerifyExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient BackupVerifyStep step;

    BackupVerifyExecution(BackupVerifyStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        FilePath workspace = getContext().get(FilePath.class);
        TaskListener listener = getContext().get(TaskListener.class);

        OutcomePolicy policy = policy();
        PlanInput input = readPlan(workspace);
        Plan plan = parse(input);
        checkSetNames(plan);

        var credentials = CredentialLookup.resolve(PlanCredentials.idsNeeded(plan, step.getSets()), run);
        listener.getLogger().println(Messages.BackupVerifyExecution_Verifying(input.source(), workspace.getRemote()));
        AgentOutcome outcome = workspace.act(new VerifyOnAgent(input.text(), input.source(), input.dir(),
                step.getSets(), run.getNumber(), credentials));
        if (outcome.problem() != null || outcome.reportJson() == null) {
            throw new AbortException(outcome.problem() == null ? "no report came back" : outcome.problem());
        }
        RunResult result = new JsonReport().read(new StringReader(outcome.reportJson()));

        BackupVerifyAction action = BackupVerifyAction.record(run, result, outcome.reportJson(), policy);
        log(listener, result, action);
        BuildOutcome buildOutcome = policy.outcomeOf(result.status());
        if (buildOutcome == BuildOutcome.UNSTABLE) {
            run.setResult(Result.UNSTABLE);
        } else if (buildOutcome == BuildOutcome.FAILURE) {
            run.setResult(Result.FAILURE);
        }
        return StepReturnValue.of(result, policy);
    }

    private OutcomePolicy policy() throws AbortException {
        try {
            return OutcomePolicy.parse(step.getUnstableOn(), step.getFailOn());
        } catch (IllegalArgumentException e) {
            throw new AbortException("backupVerify: " + e.getMessage());
        }
    }

    /** The plan's text, name and folder (relative to the workspace), from the plan file or the planText argument. */
    private PlanInput readPlan(FilePath workspace) throws IOException, InterruptedException {
        String file = step.getPlan();
        String text = step.getPlanText();
        if ((file == null) == (text == null)) {
            throw new AbortException("backupVerify: " + Messages.BackupVerifyStep_OnePlan());
        }
        if (text != null) {
            return new PlanInput(text, "planText", "");
        }
        FilePath planFile = workspace.child(file);
        if (!planFile.exists()) {
            throw new AbortException("backupVerify: the plan file " + file + " does not exist in the workspace");
        }
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        String dir = slash < 0 ? "" : file.substring(0, slash);
        return new PlanInput(planFile.readToString(), file, dir);
    }

    /** Parses on the controller too, to learn the credential ids and to reject a bad plan before going to the agent. */
    private static Plan parse(PlanInput input) throws AbortException {
        try {
            return new PlanParser().parse(input.text(), input.source(), Path.of("."));
        } catch (PlanException e) {
            throw new AbortException("backupVerify: " + e.getMessage());
        }
    }

    private void checkSetNames(Plan plan) throws AbortException {
        List<String> unknown = step.getSets().stream().filter(name -> plan.backupSet(name).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            String known = plan.backupSets().stream().map(set -> set.name()).collect(Collectors.joining(", "));
            throw new AbortException("backupVerify: the plan has no backup set named " + String.join(", ", unknown)
                    + "; it has: " + known);
        }
    }

    private static void log(TaskListener listener, RunResult result, BackupVerifyAction action) {
        RunSummaryView view = RunSummaryView.of(result);
        listener.getLogger().println(view.getHeadline());
        for (SetView set : view.getSets()) {
            listener.getLogger().println("  " + set.getStatus() + "  " + set.getName() + "  (" + set.getTarget() + ")");
        }
        listener.getLogger().println(Messages.BackupVerifyExecution_Details(action.getUrlName()));
    }

    private record PlanInput(String text, String source, String dir) {
    }
}
