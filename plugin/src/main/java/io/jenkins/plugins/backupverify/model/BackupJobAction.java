package io.jenkins.plugins.backupverify.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The job page part of one call id of a backup step: the trend charts its subclass draws ({@code floatingBox.jelly})
 * and a link to the newest result of that id. As plugin-util-api's {@code JobAction}, it knows its job and the kind of
 * build result it stands for; a build result makes it ({@link BackupResultAction#createJobAction}), and
 * {@link BackupJobActionFactory} adds it to the job, so it stays when the newest builds failed.
 *
 * @param <A> the build results of this id
 */
public abstract class BackupJobAction<A extends BackupResultAction> implements Action {
    private final Job<?, ?> job;
    private final String id;
    private final String displayName;
    private final Class<A> resultType;

    /** Takes the id and the name from the newest result of the id. */
    protected BackupJobAction(Job<?, ?> job, A newest, Class<A> resultType) {
        this.job = job;
        this.id = newest.getId();
        this.displayName = newest.getDisplayName();
        this.resultType = resultType;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    public String getId() {
        return id;
    }

    @Override
    public String getIconFileName() {
        return BackupResultAction.ICON;
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    /** The id, as for the build results, so that a click on a trend point opens that build's result. */
    @Override
    public String getUrlName() {
        return id;
    }

    /** The newest of the newest few finished builds with a result of this id, or null. */
    @CheckForNull
    public Run<?, ?> getNewestBuild() {
        return BackupJobActionFactory.newestWith(job, resultType, id);
    }

    /** Opens the newest build's result of this id. */
    public void doIndex(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        Run<?, ?> run = getNewestBuild();
        if (run == null) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        rsp.sendRedirect2(req.getContextPath() + "/" + run.getUrl() + id);
    }
}
