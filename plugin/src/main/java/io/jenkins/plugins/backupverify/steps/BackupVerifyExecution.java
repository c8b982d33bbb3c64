package io.jenkins.plugins.backupverify.steps;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.backupverify.engine.check.RecheckSlices;
import io.backupverify.engine.history.CoverageTransfer;
import io.backupverify.engine.history.RunHistory;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.RunRecords;
import io.backupverify.engine.outcome.OutcomePolicy;
import io.backupverify.engine.outcome.StepReturnValue;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
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
        String id = getStep().getEffectiveId();
        BackupVerifyAction earlier = earlierVerification(run, id, plan.source());
        return new VerifyOnAgent(plan, getStep().getSets(), sampleRunNumber(run, earlier),
                rechecks(run, id, plan, getStep().getSets()), credentials, listener);
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
        return earlierAction(run, id, verificationOf(plan));
    }

    private static Predicate<BackupVerifyAction> verificationOf(String plan) {
        return action -> !(action instanceof BackupRestoreTestAction) && plan.equals(action.getPlan())
                && action.sampleRunNumber().isPresent();
    }

    /**
     * The action of this call (its id) in the latest earlier build that has one {@code wanted}, within
     * {@link #SAMPLE_LOOKBACK} builds; null when there is none.
     */
    static BackupVerifyAction earlierAction(Run<?, ?> run, String id, Predicate<BackupVerifyAction> wanted) {
        return earlierActions(run, id, wanted).findFirst().orElse(null);
    }

    /**
     * The actions of this call (its id) in earlier builds that are {@code wanted}, newest first, within
     * {@link #SAMPLE_LOOKBACK} builds; a build is looked at only when the stream gets that far.
     */
    static Stream<BackupVerifyAction> earlierActions(Run<?, ?> run, String id, Predicate<BackupVerifyAction> wanted) {
        return Stream.<Run<?, ?>>iterate(run.getPreviousBuild(), Objects::nonNull, build -> build.getPreviousBuild())
                .limit(SAMPLE_LOOKBACK).map(build -> BackupVerifyAction.of(build, id))
                .filter(action -> action != null && wanted.test(action));
    }

    /**
     * Per set, the integrity sample slices in which earlier verifications by this call (its id) of the same plan found
     * files they could not verify, for this one to read again ({@link RecheckSlices}): otherwise a build after a failed
     * one (a rebuild, the next night's) reads another slice and is green with nothing fixed. The engine decides from
     * their reports, newest first, which build speaks for each set ({@link RunHistory#rechecks(Stream,
     * java.util.Collection)}): a build whose check could not run is passed over, and the slices keep the cut they were
     * named in, whatever the sample is now. A build whose report is gone is passed over. The sets are those the step
     * names, else every set of the plan, that have an integrity check.
     */
    static Map<String, String> rechecks(Run<?, ?> run, String id, AgentPlan plan, List<String> selected) {
        List<String> sets;
        try {
            sets = RunHistory.sampledSets(new PlanParser().parse(plan.text(), plan.source(), Path.of(".")), selected);
        } catch (PlanException e) {
            return Map.of(); // checked before the call: the agent says what is wrong with it
        }
        Stream<RunRecord> reports = earlierActions(run, id, verificationOf(plan.source()))
                .map(BackupVerifyAction::getReport).filter(Objects::nonNull)
                .map(report -> RunRecords.of(report, RunKind.VERIFY));
        Map<String, String> rechecks = new LinkedHashMap<>();
        RunHistory.rechecks(reports, sets).forEach((set, slices) -> rechecks.put(set, slices.encode()));
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
