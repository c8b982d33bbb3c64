package io.jenkins.plugins.backupverify.model;

import hudson.model.Run;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.outcome.OutcomePolicy;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.summary.BuildSummary;
import io.backupverify.engine.summary.RestoreTimeFigure;
import io.jenkins.plugins.backupverify.Messages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;

/**
 * The result of one {@code backupRestoreTest} call on the build page: the same reports and pages as a verification,
 * and per set the restore time against the RTO, kept in build.xml as small numbers.
 */
public class BackupRestoreTestAction extends BackupVerifyAction {
    public static final String DEFAULT_ID = "backup-restore-test";

    private final List<RestoreTimeRecord> restoreTimes;

    private BackupRestoreTestAction(Run<?, ?> owner, String id, RunResult result, OutcomePolicy policy) {
        super(owner, id, result, policy);
        this.restoreTimes = new ArrayList<>(
                RestoreTimeFigure.of(result).stream().map(RestoreTimeRecord::new).toList());
    }

    private BackupRestoreTestAction(Run<?, ?> owner, String id, String planSource, OutcomePolicy policy,
            String problem) {
        super(owner, id, planSource, 0, new BuildSummary(Status.ERROR, Map.of(), Map.of(), 0, 0, List.of()), policy,
                problem);
        this.restoreTimes = List.of();
    }

    /** Writes the reports next to build.xml and attaches the action; the caller has claimed the id. */
    public static BackupRestoreTestAction record(Run<?, ?> run, String id, RunResult result, String reportJson,
            OutcomePolicy policy) throws IOException {
        writeReports(run, id, result, reportJson);
        writeHistoryRecord(run, id, result, RunKind.RESTORE_TEST);
        BackupRestoreTestAction action = new BackupRestoreTestAction(run, id, result, policy);
        run.addAction(action);
        return action;
    }

    /** Attaches an ERROR result for a plan that could not be used. */
    public static BackupRestoreTestAction recordProblem(Run<?, ?> run, String id, String planSource, String problem,
            OutcomePolicy policy) {
        BackupRestoreTestAction action = new BackupRestoreTestAction(run, id, planSource, policy, problem);
        run.addAction(action);
        return action;
    }

    @Override
    protected String defaultId() {
        return DEFAULT_ID;
    }

    @Override
    protected String getStepDisplayName() {
        return Messages.BackupRestoreTestAction_DisplayName();
    }

    /** Per set: how long the restore test took and its RTO (-1 where there is none). */
    @Exported
    public List<RestoreTimeRecord> getRestoreTimes() {
        return restoreTimes == null ? List.of() : List.copyOf(restoreTimes);
    }

    /** The small numbers of this build with the restore times, as the trend charts read them (build.xml only). */
    @Override
    public BuildSummary getBuildSummary() {
        BuildSummary summary = super.getBuildSummary();
        return new BuildSummary(summary.status(), summary.setCounts(), summary.checkCounts(), summary.verifiedBytes(),
                summary.verifiedFiles(), summary.capacity(),
                getRestoreTimes().stream().map(RestoreTimeRecord::toFigure).toList());
    }
}
