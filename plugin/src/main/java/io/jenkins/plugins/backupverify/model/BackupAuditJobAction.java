package io.jenkins.plugins.backupverify.model;

import hudson.model.Job;
import io.jenkins.plugins.backupverify.charts.AuditTrend;

/**
 * The job page part of one {@code backupAudit} id: the audit trend chart ({@code floatingBox.jelly}) and a link to the
 * newest audit.
 */
public final class BackupAuditJobAction extends BackupJobAction<BackupAuditAction> {
    BackupAuditJobAction(Job<?, ?> job, BackupAuditAction newest) {
        super(job, newest, BackupAuditAction.class);
    }

    public AuditTrend getAuditTrend() {
        return new AuditTrend(getJob(), getId());
    }
}
