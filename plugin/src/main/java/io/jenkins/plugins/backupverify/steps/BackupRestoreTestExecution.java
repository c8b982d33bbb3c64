package io.jenkins.plugins.backupverify.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.backupverify.engine.history.RunHistory;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.history.RunRecords;
import io.backupverify.engine.outcome.OutcomePolicy;
import io.backupverify.engine.outcome.StepReturnValue;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.restore.database.EmbeddedPostgresSupport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.summary.RunSummaryView;
import io.jenkins.plugins.backupverify.Messages;
import io.jenkins.plugins.backupverify.agent.AgentOutcome;
import io.jenkins.plugins.backupverify.agent.AgentPlan;
import io.jenkins.plugins.backupverify.agent.RestoreTestOnAgent;
import io.jenkins.plugins.backupverify.credentials.TransferredCredential;
import io.jenkins.plugins.backupverify.model.BackupRestoreTestAction;
import io.jenkins.plugins.backupverify.model.BackupVerifyAction;
import io.jenkins.plugins.backupverify.model.RestoreTimeRecord;
import java.io.IOException;
import java.io.Serial;
import java.io.StringReader;
import java.util.Map;
import jenkins.agents.ControllerToAgentFileCallable;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Runs {@code backupRestoreTest}: the engine's restore tests on the workspace's node, as a {@link BackupRestoreTestAction}. */
final class BackupRestoreTestExecution extends BackupStepExecution<BackupRestoreTestStep> {
    @Serial
    private static final long serialVersionUID = 1L;

    BackupRestoreTestExecution(BackupRestoreTestStep step, StepContext context) {
        super(step, context);
    }

    @Override
    protected String startMessage(String planSource, FilePath workspace) {
        return Messages.BackupRestoreTestExecution_Restoring(planSource, workspace.getRemote());
    }

    /** The plugin leaves the embedded PostgreSQL out: a set that restores into it must name a server instead. */
    @Override
    protected void checkPlan(Plan plan) throws PlanException {
        EmbeddedPostgresSupport.requireAvailableFor(plan, getStep().getSets());
    }

    @Override
    protected ControllerToAgentFileCallable<AgentOutcome> agentCall(AgentPlan plan,
            Map<String, TransferredCredential> credentials, Run<?, ?> run, TaskListener listener) {
        return new RestoreTestOnAgent(plan, getStep().getSets(), run.getNumber(),
                failedRestores(run, getStep().getEffectiveId(), plan.source()), credentials, listener);
    }

    /**
     * Per set, the backup the latest earlier restore test by this call (its id) of the same plan chose and could not
     * restore (within {@link BackupVerifyExecution#SAMPLE_LOOKBACK} builds), for this one to restore again: by the
     * build number alone, {@code random-within} picks another backup and the build after a failed one (a rebuild, the
     * next night's) is green with the broken backup untested. Empty when there is none or its report is gone.
     */
    static Map<String, String> failedRestores(Run<?, ?> run, String id, String plan) {
        BackupVerifyAction earlier = BackupVerifyExecution.earlierAction(run, id,
                action -> action instanceof BackupRestoreTestAction && plan.equals(action.getPlan()));
        RunResult report = earlier == null ? null : earlier.getReport();
        return report == null ? Map.of() : RunHistory.failedRestores(RunRecords.of(report, RunKind.RESTORE_TEST));
    }

    @Override
    protected Recorded record(Run<?, ?> run, String id, String reportJson, OutcomePolicy policy,
            TaskListener listener) throws IOException {
        RunResult result = new JsonReport().read(new StringReader(reportJson));
        if (result.sets().isEmpty()) {
            String problem = Messages.BackupRestoreTestExecution_NoRestoreTest();
            BackupRestoreTestAction.recordProblem(run, id, result.plan(), problem, policy);
            throw new AbortException(getStep().getDescriptor().getFunctionName() + ": " + problem);
        }
        BackupRestoreTestAction action = BackupRestoreTestAction.record(run, id, result, reportJson, policy);
        listener.getLogger().println(RunSummaryView.of(result).getHeadline());
        for (RestoreTimeRecord time : action.getRestoreTimes()) {
            listener.getLogger().println("  " + time.getStatus() + "  " + time.getSet() + "  restore time "
                    + time.getTime() + (time.getRto() == null ? "" : " (RTO " + time.getRto() + ")"));
        }
        listener.getLogger().println(Messages.BackupRestoreTestExecution_Details(action.getUrlName()));
        writeJUnitFile(result, getStep().getJunitFile(), listener);
        return new Recorded(result.status(), StepReturnValue.of(result, policy));
    }

    @Override
    protected void recordProblem(Run<?, ?> run, String id, String planSource, String problem, OutcomePolicy policy)
            throws IOException {
        BackupRestoreTestAction.recordProblem(run, id, planSource, problem, policy);
    }
}
