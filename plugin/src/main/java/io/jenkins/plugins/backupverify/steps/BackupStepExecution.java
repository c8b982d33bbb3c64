package io.jenkins.plugins.backupverify.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.PlanCredentials;
import io.backupverify.engine.outcome.BuildOutcome;
import io.backupverify.engine.outcome.OutcomePolicy;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.report.JUnitReport;
import io.backupverify.engine.run.RunResult;
import io.jenkins.plugins.backupverify.Messages;
import io.jenkins.plugins.backupverify.agent.AgentOutcome;
import io.jenkins.plugins.backupverify.agent.AgentPlan;
import io.jenkins.plugins.backupverify.agent.ReadPlanFile;
import io.jenkins.plugins.backupverify.agent.WriteWorkspaceFile;
import io.jenkins.plugins.backupverify.credentials.CredentialLookup;
import io.jenkins.plugins.backupverify.credentials.TransferredCredential;
import io.jenkins.plugins.util.PipelineResultHandler;
import io.jenkins.plugins.util.ResultHandler;
import java.io.IOException;
import java.io.Serial;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import jenkins.agents.ControllerToAgentFileCallable;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * What every backup step does around its engine command, off the Pipeline thread: claims the call's id, reads and
 * parses the plan on the controller (to learn the credential ids and to reject a broken plan early), resolves the
 * credentials for this build, runs the command on the workspace's node, records the result and sets the build's and
 * the stage's result. A broken plan is recorded as an ERROR result too, so the build stays in the trend.
 *
 * <p>A step supplies the agent callable, how its report is recorded, and how a plan problem is recorded.
 *
 * @param <S> the step
 */
public abstract class BackupStepExecution<S extends BackupStep>
        extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient S step;

    protected BackupStepExecution(S step, StepContext context) {
        super(context);
        this.step = step;
    }

    protected S getStep() {
        return step;
    }

    /** What the step recorded for a report: its verdict and the value the script gets back. */
    protected record Recorded(Status verdict, Map<String, Object> returnValue) {
    }

    /** The callable that runs the step's engine command on the workspace's node. */
    protected abstract ControllerToAgentFileCallable<AgentOutcome> agentCall(AgentPlan plan,
            Map<String, TransferredCredential> credentials, Run<?, ?> run, TaskListener listener);

    /** Records the report the agent sent (side files and action) and logs the verdict. */
    protected abstract Recorded record(Run<?, ?> run, String id, String reportJson, OutcomePolicy policy,
            TaskListener listener) throws IOException;

    /** Records an ERROR result for a plan that could not be used. */
    protected abstract void recordProblem(Run<?, ?> run, String id, String planSource, String problem,
            OutcomePolicy policy) throws IOException;

    /** The line the log shows before the command starts. */
    protected abstract String startMessage(String planSource, FilePath workspace);

    /** Refuses, before anything runs, a plan the step cannot carry out in Jenkins; by default none. */
    protected void checkPlan(Plan plan) throws PlanException {
        // every plan the engine accepts can run
    }

    /** The credential ids the command needs; by default those of the selected sets' targets. */
    protected Collection<String> credentialIds(Plan plan) {
        return PlanCredentials.idsNeeded(plan, step.getSets());
    }

    private String functionName() {
        return step.getDescriptor().getFunctionName();
    }

    @Override
    protected final Map<String, Object> run() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        FilePath workspace = getContext().get(FilePath.class);
        TaskListener listener = getContext().get(TaskListener.class);
        ResultHandler results = new PipelineResultHandler(run, getContext().get(FlowNode.class));
        String id = step.getEffectiveId();

        try (CallIds.Claim ignored = CallIds.claim(run, id, functionName())) {
            OutcomePolicy policy = policy();
            PlanText input = readPlan(step, functionName(), workspace);
            if (input.problem() != null) {
                throw failed(run, id, input, input.problem(), policy, results);
            }
            Plan plan;
            try {
                plan = new PlanParser().parse(input.text(), input.source(), Path.of("."));
                plan.requireSets(step.getSets());
                checkPlan(plan);
            } catch (PlanException e) {
                throw failed(run, id, input, e.getMessage(), policy, results);
            }

            Map<String, TransferredCredential> credentials = CredentialLookup.resolve(credentialIds(plan), run);
            listener.getLogger().println(startMessage(input.source(), workspace));
            AgentOutcome outcome;
            try {
                outcome = workspace.act(agentCall(new AgentPlan(input.text(), input.source(), input.dir()),
                        credentials, run, listener));
            } catch (IOException e) {
                // the agent went away or the call failed on the channel: an ERROR on record, never a missing run
                throw failed(run, id, input, "could not run on the agent: " + e.getMessage(),
                        policy, results);
            }
            if (!outcome.hasReport()) {
                throw failed(run, id, input, outcome.problem() == null ? "no report came back" : outcome.problem(),
                        policy, results);
            }
            Recorded recorded = record(run, id, outcome.reportJson(), policy, listener);
            recordCoverage(run, outcome, listener);
            publish(results, policy.outcomeOf(recorded.verdict()), functionName(), id, recorded.verdict().name());
            return recorded.returnValue();
        }
    }

    /** Keeps what the agent sent beside the report (a verification's file coverage); nothing by default. */
    protected void recordCoverage(Run<?, ?> run, AgentOutcome outcome, TaskListener listener) {
    }

    private OutcomePolicy policy() throws AbortException {
        try {
            return step.policy();
        } catch (IllegalArgumentException e) {
            throw new AbortException(functionName() + ": " + e.getMessage());
        }
    }

    /** Records the problem as an ERROR result, fails build and stage, and gives the exception that stops the step. */
    private AbortException failed(Run<?, ?> run, String id, PlanText input, String problem, OutcomePolicy policy,
            ResultHandler results) throws IOException {
        recordProblem(run, id, input.source(), problem, policy);
        publish(results, BuildOutcome.FAILURE, functionName(), id, Status.ERROR.name());
        return new AbortException(functionName() + ": " + problem);
    }

    /** Hands the report's JUnit XML to the workspace when the step asks for it ({@code junitFile}). */
    protected void writeJUnitFile(RunResult result, @CheckForNull String file, TaskListener listener)
            throws IOException {
        if (file == null) {
            return;
        }
        StringWriter junit = new StringWriter();
        new JUnitReport().write(result, junit);
        try {
            String problem = getContext().get(FilePath.class).act(new WriteWorkspaceFile(file, junit.toString()));
            if (problem != null) {
                throw new AbortException(functionName() + ": junitFile: " + problem);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + file, e);
        }
        listener.getLogger().println(Messages.BackupStepExecution_JUnitFile(file));
    }

    /** Marks build and stage UNSTABLE or FAILURE as the outcome says, naming the call. */
    static void publish(ResultHandler results, BuildOutcome outcome, String functionName, String id, String verdict) {
        String message = functionName + " (" + id + "): " + verdict;
        switch (outcome) {
            case FAILURE -> results.publishResult(Result.FAILURE, message);
            case UNSTABLE -> results.publishResult(Result.UNSTABLE, message);
            case SUCCESS -> {
                // nothing to mark: the build and stage stay as they are
            }
        }
    }

    /** The plan's text, name and folder (relative to the workspace), from the plan file or the planText argument. */
    static PlanText readPlan(BackupStep step, String functionName, FilePath workspace)
            throws IOException, InterruptedException {
        String file = step.getPlan();
        String text = step.getPlanText();
        if ((file == null) == (text == null)) {
            throw new AbortException(functionName + ": " + Messages.BackupStep_OnePlan());
        }
        if (text != null) {
            return new PlanText(text, "planText", "", null);
        }
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        String dir = slash < 0 ? "" : file.substring(0, slash);
        ReadPlanFile.Content content = workspace.act(new ReadPlanFile(file));
        return new PlanText(content.text(), file, dir, content.problem());
    }

    record PlanText(@CheckForNull String text, String source, String dir, @CheckForNull String problem) {
    }
}
