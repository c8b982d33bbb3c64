package io.jenkins.plugins.backupverify.steps;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.backupverify.engine.check.RecheckSlices;
import io.backupverify.engine.history.CoverageTransfer;
import io.backupverify.engine.history.RunHistory;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.history.RunRecords;
import io.backupverify.engine.outcome.OutcomePolicy;
import io.backupverify.engine.outcome.StepReturnValue;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.summary.RunSummaryView;
import io.backupverify.engine.summary.SetView;
import io.jenkins.plugins.backupverify.Messages;
import io.jenkins.plugins.backupverify.agent.AgentOutcome;
import io.jenkins.plugins.backupverify.agent.AgentPlan;
import io.jenkins.plugins.backupverify.agent.VerifyOnAgent;
import io.jenkins.plugins.backupverify.audit.JobCoverage;
import io.jenkins.plugins.backupverify.credentials.TransferredCredential;
import io.jenkins.plugins.backupverify.model.BackupRestoreTestAction;
import io.jenkins.plugins.backupverify.model.BackupVerifyAction;
import java.io.IOException;
import java.io.Serial;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;
import jenkins.agents.ControllerToAgentFileCallable;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Runs {@code backupVerify}: the engine's verification on the workspace's node, recorded as a {@link BackupVerifyAction}. */
final class BackupVerifyExecution extends BackupStepExecution<BackupVerifyStep> {
    @Serial
    private static final long serialVersionUID = 1L;

    BackupVerifyExecution(BackupVerifyStep step, StepContext context) {
        super(step, context);
    }

    @Override
    protected String startMessage(String planSource, FilePath workspace) {
        return Messages.BackupVerifyExecution_Verifying(planSource, workspace.getRemote());
    }

    @Override
    protected ControllerToAgentFileCallable<AgentOutcome> agentCall(AgentPlan plan,
            Map<String, TransferredCredential> credentials, Run<?, ?> run, TaskListener listener) {
        BackupVerifyAction earlier = earlierVerification(run, getStep().getEffectiveId(), plan.source());
        return new VerifyOnAgent(plan, getStep().getSets(), sampleRunNumber(run, earlier), rechecks(earlier),
                credentials, listener);
    }

    /** How many earlier builds {@link #earlierVerification} looks through. */
    static final int SAMPLE_LOOKBACK = 50;

    /**
     * The run number that picks the integrity sample: the one after the latest earlier verification by this call
     * (its id) of the same plan that ran (within {@link #SAMPLE_LOOKBACK} builds), else the build number. By the build
     * number alone, a step run on every other build with an even number of slices (or on any fixed share of the
     * builds) read the same slices every time and never the others.
     */
    static long sampleRunNumber(Run<?, ?> run, String id, String plan) {
        return sampleRunNumber(run, earlierVerification(run, id, plan));
    }

    private static long sampleRunNumber(Run<?, ?> run, BackupVerifyAction earlier) {
        OptionalLong number = earlier == null ? OptionalLong.empty() : earlier.sampleRunNumber();
        return number.isPresent() ? number.getAsLong() + 1 : run.getNumber();
    }

    /**
     * The latest earlier verification by this call (its id) of the same plan that ran and kept its run number, within
     * {@link #SAMPLE_LOOKBACK} builds; null when there is none.
     */
    static BackupVerifyAction earlierVerification(Run<?, ?> run, String id, String plan) {
        return earlierAction(run, id, action -> !(action instanceof BackupRestoreTestAction)
                && plan.equals(action.getPlan()) && action.sampleRunNumber().isPresent());
    }

    /**
     * The action of this call (its id) in the latest earlier build that has one {@code wanted}, within
     * {@link #SAMPLE_LOOKBACK} builds; null when there is none.
     */
    static BackupVerifyAction earlierAction(Run<?, ?> run, String id, Predicate<BackupVerifyAction> wanted) {
        Run<?, ?> earlier = run.getPreviousBuild();
        for (int looked = 0; earlier != null && looked < SAMPLE_LOOKBACK; looked++) {
            BackupVerifyAction action = BackupVerifyAction.of(earlier, id);
            if (action != null && wanted.test(action)) {
                return action;
            }
            earlier = earlier.getPreviousBuild();
        }
        return null;
    }

    /**
     * Per set, the integrity sample slices in which the earlier verification found files it could not verify, for
     * this one to read again ({@link RecheckSlices}): otherwise a build after a failed one (a rebuild, the next
     * night's) reads another slice and is green with nothing fixed. Empty when its report is gone.
     */
    static Map<String, String> rechecks(BackupVerifyAction earlier) {
        RunResult report = earlier == null ? null : earlier.getReport();
        Map<String, String> rechecks = new LinkedHashMap<>();
        if (report != null) {
            RunHistory.rechecks(RunRecords.of(report, RunKind.VERIFY))
                    .forEach((set, slices) -> rechecks.put(set, slices.encode()));
        }
        return rechecks;
    }

    @Override
    protected Recorded record(Run<?, ?> run, String id, String reportJson, OutcomePolicy policy,
            TaskListener listener) throws IOException {
        RunResult result = new JsonReport().read(new StringReader(reportJson));
        BackupVerifyAction action = BackupVerifyAction.record(run, id, result, reportJson, policy);
        RunSummaryView view = RunSummaryView.of(result);
        listener.getLogger().println(view.getHeadline());
        for (SetView set : view.getSets()) {
            listener.getLogger().println("  " + set.getStatus() + "  " + set.getName() + "  (" + set.getTarget() + ")");
        }
        listener.getLogger().println(Messages.BackupVerifyExecution_Details(action.getUrlName()));
        writeJUnitFile(result, getStep().getJunitFile(), listener);
        return new Recorded(result.status(), StepReturnValue.of(result, policy));
    }

    /**
     * Merges which files the run read into the job's coverage ledger, for {@code backupAudit}'s coverage statement. A
     * ledger that cannot be written is said in the log and does not change the verdict of the backups.
     */
    @Override
    protected void recordCoverage(Run<?, ?> run, AgentOutcome outcome, TaskListener listener) {
        if (outcome.coverage() == null) {
            return;
        }
        try {
            CoverageTransfer.Carried carried = CoverageTransfer.decode(outcome.coverage());
            JobCoverage.of(run.getParent()).update(carried.coverages(), carried.startedAt());
        } catch (IOException e) {
            listener.getLogger().println("backupVerify: warning: the job's coverage ledger was not updated: "
                    + e.getMessage());
        }
    }

    @Override
    protected void recordProblem(Run<?, ?> run, String id, String planSource, String problem, OutcomePolicy policy)
            throws IOException {
        BackupVerifyAction.recordProblem(run, id, planSource, problem, policy);
    }
}
