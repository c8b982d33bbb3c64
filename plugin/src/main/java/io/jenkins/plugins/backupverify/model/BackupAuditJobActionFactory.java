package io.jenkins.plugins.backupverify.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jenkins.model.TransientActionFactory;

/**
 * Adds the audit trend, one per {@code backupAudit} id, to every job whose newest few builds audited, whatever their
 * result: a monthly audit with critical findings fails its build, and its trend must stay.
 */
@Extension
@SuppressWarnings("rawtypes")
public final class BackupAuditJobActionFactory extends TransientActionFactory<Job> {
    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return BackupAuditJobAction.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Job<?, ?> job = target;
        List<Action> actions = new ArrayList<>();
        for (String id : recentIds(job)) {
            actions.add(new BackupAuditJobAction(job, id));
        }
        return actions;
    }

    /** The audit ids in the newest few finished builds, newest build first. */
    static Set<String> recentIds(Job<?, ?> job) {
        Set<String> ids = new LinkedHashSet<>();
        Run<?, ?> run = job.getLastBuild();
        for (int i = 0; run != null && i < BackupVerifyJobActionFactory.BUILDS_TO_CONSIDER; i++,
                run = run.getPreviousBuild()) {
            if (!run.isBuilding()) {
                run.getActions(BackupAuditAction.class).forEach(action -> ids.add(action.getId()));
            }
        }
        return ids;
    }

    /** The newest of the newest few finished builds with an audit of this id, or null. */
    @CheckForNull
    static Run<?, ?> newestWithAudit(Job<?, ?> job, String id) {
        Run<?, ?> run = job.getLastBuild();
        for (int i = 0; run != null && i < BackupVerifyJobActionFactory.BUILDS_TO_CONSIDER; i++,
                run = run.getPreviousBuild()) {
            if (!run.isBuilding() && BackupAuditAction.of(run, id) != null) {
                return run;
            }
        }
        return null;
    }
}
