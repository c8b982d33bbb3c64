package io.jenkins.plugins.backupverify.model;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.backupverify.Messages;
import io.jenkins.plugins.backupverify.charts.AuditTrend;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The job page part of one {@code backupAudit} id: the audit trend chart ({@code floatingBox.jelly}) and a link to the
 * newest audit. Added by {@link BackupAuditJobActionFactory}, so it stays when the newest audits failed.
 */
public final class BackupAuditJobAction implements Action {
    private final Job<?, ?> job;
    private final String id;

    BackupAuditJobAction(Job<?, ?> job, String id) {
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
        return BackupAuditAction.DEFAULT_ID.equals(id) ? Messages.BackupAuditAction_DisplayName()
                : Messages.BackupAuditAction_DisplayName() + " (" + id + ")";
    }

    @Override
    public String getUrlName() {
        return id;
    }

    public AuditTrend getAuditTrend() {
        return new AuditTrend(job, id);
    }

    /** Opens the newest build's audit of this id. */
    public void doIndex(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        Run<?, ?> run = BackupAuditJobActionFactory.newestWithAudit(job, id);
        if (run == null) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        rsp.sendRedirect2(req.getContextPath() + "/" + run.getUrl() + id);
    }
}
