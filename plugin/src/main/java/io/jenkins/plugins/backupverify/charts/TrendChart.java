package io.jenkins.plugins.backupverify.charts;

import edu.hm.hafner.echarts.line.LinesChartModel;
import hudson.model.Job;
import io.backupverify.engine.summary.BuildSummary;
import io.backupverify.engine.trend.CapacityChart;
import io.backupverify.engine.trend.ChartRequest;
import io.backupverify.engine.trend.RestoreTimeChart;
import io.backupverify.engine.trend.SuccessRateChart;
import io.backupverify.engine.trend.TrendHistory;
import io.jenkins.plugins.backupverify.model.BackupVerifyAction;

/**
 * One verification trend chart of one id on the job page. The request may ask for a view ({@code rate}/{@code counts},
 * {@code percent}/{@code bytes}, {@code time}/{@code rto}) and a number of builds. The capacity chart is shown once
 * builds have capacity figures, the restore-time chart once they have restore times.
 */
public final class TrendChart extends JobTrendChart {
    /** What a chart shows. */
    public enum Kind { SUCCESS_RATE, CAPACITY, RESTORE_TIME }

    private final Kind kind;

    public TrendChart(Job<?, ?> job, String id, Kind kind) {
        super(job, id);
        this.kind = kind;
    }

    @Override
    public String getSuffix() {
        return getId() + switch (kind) {
            case SUCCESS_RATE -> "-rate";
            case CAPACITY -> "-capacity";
            case RESTORE_TIME -> "-restore-time";
        };
    }

    public Kind getKind() {
        return kind;
    }

    @Override
    LinesChartModel createModel(String configuration, int limit) {
        TrendHistory history = TrendHistory.of(new ResultHistory<>(getJob(), BackupVerifyAction.class, getId(), limit,
                BackupVerifyAction::getBuildSummary), limit);
        return switch (kind) {
            case SUCCESS_RATE -> new SuccessRateChart(JenkinsTrendPalette.INSTANCE)
                    .create(history, ChartRequest.parse(configuration, limit, SuccessRateChart.RATE));
            case CAPACITY -> new CapacityChart(JenkinsTrendPalette.INSTANCE)
                    .create(history, ChartRequest.parse(configuration, limit, CapacityChart.PERCENT));
            case RESTORE_TIME -> new RestoreTimeChart(JenkinsTrendPalette.INSTANCE)
                    .create(history, ChartRequest.parse(configuration, limit, RestoreTimeChart.TIME));
        };
    }

    /** The builds with figures for this chart: every result for the success rate. */
    @Override
    ResultHistory<BackupVerifyAction, BuildSummary> history(int maxBuilds) {
        return new ResultHistory<>(getJob(), BackupVerifyAction.class, getId(), maxBuilds, action -> {
            BuildSummary summary = action.getBuildSummary();
            return hasFigures(summary) ? summary : null;
        });
    }

    private boolean hasFigures(BuildSummary summary) {
        return switch (kind) {
            case SUCCESS_RATE -> true;
            case CAPACITY -> !summary.capacity().isEmpty();
            case RESTORE_TIME -> !summary.restoreTimes().isEmpty();
        };
    }
}
