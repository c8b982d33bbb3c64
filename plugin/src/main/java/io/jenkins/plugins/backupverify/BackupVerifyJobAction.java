package io.jenkins.plugins.backupverify;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The job page part: the success-rate and capacity trend charts ({@code floatingBox.jelly}) and a link to the newest
 * result. Added by {@link BackupVerifyJobActionFactory}, so it stays when the newest builds failed.
 */
public final class BackupVerifyJobAction implements Action {
    private final Job<?, ?> job;

    BackupVerifyJobAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return BackupVerifyAction.ICON;
    }

    @Override
    public String getDisplayName() {
        return Messages.BackupVerifyAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return BackupVerifyAction.URL_NAME;
    }

    public TrendChart getSuccessRateTrend() {
        return new TrendChart(job, TrendChart.Kind.SUCCESS_RATE);
    }

    public TrendChart getCapacityTrend() {
        return new TrendChart(job, TrendChart.Kind.CAPACITY);
    }

    /** Opens the newest build's result. */
    public void doIndex(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        Run<?, ?> run = BackupVerifyJobActionFactory.newestWithResult(job);
        if (run == null) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        rsp.sendRedirect2(req.getContextPath() + "/" + run.getUrl() + BackupVerifyAction.URL_NAME);
    }
}
