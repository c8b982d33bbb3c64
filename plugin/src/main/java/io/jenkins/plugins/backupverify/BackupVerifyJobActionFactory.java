package io.jenkins.plugins.backupverify;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds the trend charts to every job whose recent builds verified backups. Unlike actions from a build step's
 * {@code LastBuildAction} (shown only while the last successful build has them), this looks at the newest few builds
 * whatever their result, because verification jobs fail often.
 */
@Extension
@SuppressWarnings("rawtypes")
public final class BackupVerifyJobActionFactory extends TransientActionFactory<Job> {
    /** How many of the newest builds are searched for a result; few, since this runs on every job page. */
    static final int BUILDS_TO_CONSIDER = 5;

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
        return newestWithResult(job) == null ? List.of() : List.of(new BackupVerifyJobAction(job));
    }

    /** The newest of the last {@value #BUILDS_TO_CONSIDER} finished builds with a result, or null. */
    @CheckForNull
    static Run<?, ?> newestWithResult(Job<?, ?> job) {
        Run<?, ?> run = job.getLastBuild();
        for (int i = 0; run != null && i < BUILDS_TO_CONSIDER; i++, run = run.getPreviousBuild()) {
            if (!run.isBuilding() && run.getAction(BackupVerifyAction.class) != null) {
                return run;
            }
        }
        return null;
    }
}
