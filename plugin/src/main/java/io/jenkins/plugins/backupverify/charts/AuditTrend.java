package io.jenkins.plugins.backupverify.charts;

import edu.hm.hafner.echarts.line.LinesChartModel;
import hudson.model.Job;
import io.backupverify.engine.trend.AuditPoint;
import io.backupverify.engine.trend.AuditTrendChart;
import io.backupverify.engine.trend.ChartRequest;
import io.jenkins.plugins.backupverify.model.BackupAuditAction;

/**
 * The audit trend of one {@code backupAudit} id on the job page: each audit's overall success rate beside the
 * required minimum (view {@code rate}), or its findings by severity (view {@code findings}). Audits whose plan could
 * not be used have no point.
 */
public final class AuditTrend extends JobTrendChart {
    public AuditTrend(Job<?, ?> job, String id) {
        super(job, id);
    }

    @Override
    public String getSuffix() {
        return getId() + "-audit";
    }

    @Override
    LinesChartModel createModel(String configuration, int limit) {
        return new AuditTrendChart(JenkinsTrendPalette.INSTANCE).create(history(limit),
                ChartRequest.parse(configuration, limit, AuditTrendChart.RATE));
    }

    @Override
    ResultHistory<BackupAuditAction, AuditPoint> history(int maxBuilds) {
        return new ResultHistory<>(getJob(), BackupAuditAction.class, getId(), maxBuilds,
                audit -> audit.getProblem() == null ? audit.getTrendPoint() : null);
    }
}
