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
 * Adds the trend charts, one pair per call id, to every job whose recent builds verified backups. Unlike actions from
 * a build step's {@code LastBuildAction} (shown only while the last successful build has them), this looks at the
 * newest few builds whatever their result, because verification jobs fail often.
 */
@Extension
@SuppressWarnings("rawtypes")
public final class BackupVerifyJobActionFactory extends TransientActionFactory<Job> {
    /** How many of the newest builds are searched for results; few, since this runs on every job page. */
    public static final int BUILDS_TO_CONSIDER = 5;

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return BackupVerifyJobAction.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Job<?, ?> job = target;
        List<Action> actions = new ArrayList<>();
        for (String id : recentIds(job)) {
            actions.add(new BackupVerifyJobAction(job, id));
        }
        return actions;
    }

    /** The ids of the results in the newest {@value #BUILDS_TO_CONSIDER} finished builds, newest build first. */
    static Set<String> recentIds(Job<?, ?> job) {
        Set<String> ids = new LinkedHashSet<>();
        Run<?, ?> run = job.getLastBuild();
        for (int i = 0; run != null && i < BUILDS_TO_CONSIDER; i++, run = run.getPreviousBuild()) {
            if (!run.isBuilding()) {
                run.getActions(BackupVerifyAction.class).forEach(action -> ids.add(action.getId()));
            }
        }
        return ids;
    }

    /** The newest of the last {@value #BUILDS_TO_CONSIDER} finished builds with any backup step result, or null. */
    @CheckForNull
    public static Run<?, ?> newestWithAnyResult(Job<?, ?> job) {
        Run<?, ?> run = job.getLastBuild();
        for (int i = 0; run != null && i < BUILDS_TO_CONSIDER; i++, run = run.getPreviousBuild()) {
            if (!run.isBuilding() && !run.getActions(BackupResultAction.class).isEmpty()) {
                return run;
            }
        }
        return null;
    }

    /** The newest of the last {@value #BUILDS_TO_CONSIDER} finished builds with a result of this id, or null. */
    @CheckForNull
    static Run<?, ?> newestWithResult(Job<?, ?> job, String id) {
        Run<?, ?> run = job.getLastBuild();
        for (int i = 0; run != null && i < BUILDS_TO_CONSIDER; i++, run = run.getPreviousBuild()) {
            if (!run.isBuilding() && BackupVerifyAction.of(run, id) != null) {
                return run;
            }
        }
        return null;
    }
}
