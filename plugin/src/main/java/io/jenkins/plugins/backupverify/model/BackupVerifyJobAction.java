package io.jenkins.plugins.backupverify.model;

import hudson.model.Job;
import io.jenkins.plugins.backupverify.charts.TrendChart;

/**
 * The job page part of one {@code backupVerify} or {@code backupRestoreTest} id: the success-rate, capacity and
 * restore-time trend charts ({@code floatingBox.jelly}) and a link to the newest result.
 */
public final class BackupVerifyJobAction extends BackupJobAction<BackupVerifyAction> {
    BackupVerifyJobAction(Job<?, ?> job, BackupVerifyAction newest) {
        super(job, newest, BackupVerifyAction.class);
    }

    public TrendChart getSuccessRateTrend() {
        return new TrendChart(getJob(), getId(), TrendChart.Kind.SUCCESS_RATE);
    }

    public TrendChart getCapacityTrend() {
        return new TrendChart(getJob(), getId(), TrendChart.Kind.CAPACITY);
    }

    /** Restore time against the RTO; shown for ids whose builds restore-tested ({@code backupRestoreTest}). */
    public TrendChart getRestoreTimeTrend() {
        return new TrendChart(getJob(), getId(), TrendChart.Kind.RESTORE_TIME);
    }
}
