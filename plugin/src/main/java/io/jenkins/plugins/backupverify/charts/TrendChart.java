package io.jenkins.plugins.backupverify.charts;

import edu.hm.hafner.echarts.BuildResult;
import edu.hm.hafner.echarts.line.LinesChartModel;
import hudson.model.Item;
import hudson.model.Job;
import io.backupverify.engine.summary.BuildSummary;
import io.backupverify.engine.trend.CapacityChart;
import io.backupverify.engine.trend.ChartJson;
import io.backupverify.engine.trend.ChartRequest;
import io.backupverify.engine.trend.RestoreTimeChart;
import io.backupverify.engine.trend.SuccessRateChart;
import io.backupverify.engine.trend.TrendHistory;
import io.jenkins.plugins.backupverify.config.BackupVerifyConfiguration;
import io.jenkins.plugins.echarts.AsyncConfigurableTrendChart;
import java.util.Iterator;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * One trend chart of one id on the job page, loaded by the browser through
 * {@link #getConfigurableBuildTrendModel(String)}. The request may ask for a view ({@code rate}/{@code counts},
 * {@code percent}/{@code bytes}, {@code time}/{@code rto}) and a number of builds, which is capped by the global
 * setting.
 */
public final class TrendChart implements AsyncConfigurableTrendChart {
    /** What a chart shows. */
    public enum Kind { SUCCESS_RATE, CAPACITY, RESTORE_TIME }

    /** How many builds {@link #isTrendVisible()} looks at: it runs on every job page view. */
    static final int VISIBILITY_BUILDS = 10;

    private final Job<?, ?> job;
    private final String id;
    private final Kind kind;
    /** Whether the chart has something to show, found once per page (the page and echarts-api both ask). */
    private Boolean visible;

    public TrendChart(Job<?, ?> job, String id, Kind kind) {
        this.job = job;
        this.id = id;
        this.kind = kind;
    }

    /** Clicking a point opens {@code <build>/<urlName>}: the build action's page of this id. */
    public String getUrlName() {
        return id;
    }

    /** Names the chart's configuration dialog and stored settings; unique per id and kind. */
    public String getSuffix() {
        return id + switch (kind) {
            case SUCCESS_RATE -> "-rate";
            case CAPACITY -> "-capacity";
            case RESTORE_TIME -> "-restore-time";
        };
    }

    public Kind getKind() {
        return kind;
    }

    @JavaScriptMethod
    @Override
    public String getConfigurableBuildTrendModel(String configuration) {
        job.checkPermission(Item.READ);
        return ChartJson.of(createModel(configuration));
    }

    LinesChartModel createModel(String configuration) {
        int limit = BackupVerifyConfiguration.get().getTrendBuilds();
        TrendHistory history = TrendHistory.of(new BuildHistory(job, id, limit), limit);
        return switch (kind) {
            case SUCCESS_RATE -> new SuccessRateChart(JenkinsTrendPalette.INSTANCE)
                    .create(history, ChartRequest.parse(configuration, limit, SuccessRateChart.RATE));
            case CAPACITY -> new CapacityChart(JenkinsTrendPalette.INSTANCE)
                    .create(history, ChartRequest.parse(configuration, limit, CapacityChart.PERCENT));
            case RESTORE_TIME -> new RestoreTimeChart(JenkinsTrendPalette.INSTANCE)
                    .create(history, ChartRequest.parse(configuration, limit, RestoreTimeChart.TIME));
        };
    }

    /**
     * Shown once two of the newest {@value #VISIBILITY_BUILDS} builds have results (one point is no trend); the
     * capacity chart needs capacity figures, the restore-time chart restore times. Looks at few builds, since every job
     * page view asks.
     */
    @Override
    public synchronized boolean isTrendVisible() {
        if (visible == null) {
            visible = hasTwoResults();
        }
        return visible;
    }

    private boolean hasTwoResults() {
        int found = 0;
        Iterator<BuildResult<BuildSummary>> builds = new BuildHistory(job, id, VISIBILITY_BUILDS).iterator();
        while (builds.hasNext() && found < 2) {
            BuildSummary summary = builds.next().getResult();
            if (hasFigures(summary)) {
                found++;
            }
        }
        return found >= 2;
    }

    private boolean hasFigures(BuildSummary summary) {
        return switch (kind) {
            case SUCCESS_RATE -> true;
            case CAPACITY -> !summary.capacity().isEmpty();
            case RESTORE_TIME -> !summary.restoreTimes().isEmpty();
        };
    }
}
