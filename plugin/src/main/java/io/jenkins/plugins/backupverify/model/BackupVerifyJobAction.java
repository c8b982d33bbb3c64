package io.jenkins.plugins.backupverify.model;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.backupverify.Messages;
import io.jenkins.plugins.backupverify.charts.TrendChart;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The job page part of one id: the success-rate, capacity and restore-time trend charts ({@code floatingBox.jelly})
 * and a link to the newest result. Added by {@link BackupVerifyJobActionFactory}, so it stays when the newest builds
 * failed.
 */
public final class BackupVerifyJobAction implements Action {
    private final Job<?, ?> job;
    private final String id;

    BackupVerifyJobAction(Job<?, ?> job, String id) {
        this.job = job;
        this.id = id;
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
        return BackupVerifyAction.DEFAULT_ID.equals(id) ? Messages.BackupVerifyAction_DisplayName()
                : Messages.BackupVerifyAction_DisplayName() + " (" + id + ")";
    }

    @Override
    public String getUrlName() {
        return id;
    }

    public TrendChart getSuccessRateTrend() {
        return new TrendChart(job, id, TrendChart.Kind.SUCCESS_RATE);
    }

    public TrendChart getCapacityTrend() {
        return new TrendChart(job, id, TrendChart.Kind.CAPACITY);
    }

    /** Restore time against the RTO; shown for ids whose builds restore-tested ({@code backupRestoreTest}). */
    public TrendChart getRestoreTimeTrend() {
        return new TrendChart(job, id, TrendChart.Kind.RESTORE_TIME);
    }

    /** Opens the newest build's result of this id. */
    public void doIndex(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        Run<?, ?> run = BackupVerifyJobActionFactory.newestWithResult(job, id);
        if (run == null) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        rsp.sendRedirect2(req.getContextPath() + "/" + run.getUrl() + id);
    }
}
