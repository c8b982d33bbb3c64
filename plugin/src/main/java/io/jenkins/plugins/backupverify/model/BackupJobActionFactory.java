package io.jenkins.plugins.backupverify.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.TransientActionFactory;

/**
 * Adds to every job the job actions of the backup step ids its newest few builds used, whatever their result: unlike
 * the actions of a step's {@code LastBuildAction} (shown only while the last successful build has them), these stay
 * when the newest verifications or audits failed, which backup jobs often do. Each build result makes its own kind of
 * job action ({@link BackupResultAction#createJobAction}), so this factory serves every step.
 */
@Extension
@SuppressWarnings("rawtypes")
public final class BackupJobActionFactory extends TransientActionFactory<Job> {
    /** How many of the newest builds are searched for results; few, since this runs on every job page. */
    public static final int BUILDS_TO_CONSIDER = 5;

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return BackupJobAction.class;
    }

    /** One job action per kind and id, named after the newest result of that id. */
    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Job<?, ?> job = target;
        Map<List<Object>, BackupJobAction<?>> actions = new LinkedHashMap<>();
        Run<?, ?> run = job.getLastBuild();
        for (int i = 0; run != null && i < BUILDS_TO_CONSIDER; i++, run = run.getPreviousBuild()) {
            if (!run.isBuilding()) {
                for (BackupResultAction result : run.getActions(BackupResultAction.class)) {
                    BackupJobAction<?> action = result.createJobAction(job);
                    actions.putIfAbsent(List.of(action.getClass(), action.getId()), action);
                }
            }
        }
        return List.copyOf(actions.values());
    }

    /** The newest of the last {@value #BUILDS_TO_CONSIDER} finished builds with any backup step result, or null. */
    @CheckForNull
    public static Run<?, ?> newestWithAnyResult(Job<?, ?> job) {
        return newestWith(job, BackupResultAction.class, null);
    }

    /**
     * The newest of the last {@value #BUILDS_TO_CONSIDER} finished builds with a result of this type and id (any id
     * when null), or null.
     */
    @CheckForNull
    static Run<?, ?> newestWith(Job<?, ?> job, Class<? extends BackupResultAction> type, @CheckForNull String id) {
        Run<?, ?> run = job.getLastBuild();
        for (int i = 0; run != null && i < BUILDS_TO_CONSIDER; i++, run = run.getPreviousBuild()) {
            if (!run.isBuilding() && BackupResultAction.of(run, type, id) != null) {
                return run;
            }
        }
        return null;
    }
}
