package io.jenkins.plugins.backupverify;

import edu.hm.hafner.echarts.BuildResult;
import edu.hm.hafner.echarts.JacksonFacade;
import edu.hm.hafner.echarts.line.LinesChartModel;
import hudson.model.Item;
import hudson.model.Job;
import io.backupverify.engine.summary.BuildSummary;
import io.backupverify.engine.trend.CapacityChart;
import io.backupverify.engine.trend.ChartRequest;
import io.backupverify.engine.trend.SuccessRateChart;
import io.backupverify.engine.trend.TrendHistory;
import io.jenkins.plugins.echarts.AsyncConfigurableTrendChart;
import java.util.Iterator;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * One trend chart on the job page, loaded by the browser through {@link #getConfigurableBuildTrendModel(String)}.
 * The request may ask for a view ({@code rate}/{@code counts}, {@code percent}/{@code bytes}) and a number of builds,
 * which is capped by the global setting.
 */
public final class TrendChart implements AsyncConfigurableTrendChart {
    enum Kind { SUCCESS_RATE, CAPACITY }

    private final Job<?, ?> job;
    private final Kind kind;

    TrendChart(Job<?, ?> job, Kind kind) {
        this.job = job;
        this.kind = kind;
    }

    /** Clicking a point opens {@code <build>/<urlName>}: the build action's page. */
    public String getUrlName() {
        return BackupVerifyAction.URL_NAME;
    }

    public String getSuffix() {
        return kind == Kind.SUCCESS_RATE ? "backup-verification-rate" : "backup-verification-capacity";
    }

    @JavaScriptMethod
    @Override
    public String getConfigurableBuildTrendModel(String configuration) {
        job.checkPermission(Item.READ);
        return new JacksonFacade().toJson(createModel(configuration));
    }

    LinesChartModel createModel(String configuration) {
        int limit = BackupVerifyConfiguration.get().getTrendBuilds();
        TrendHistory history = TrendHistory.of(new BuildHistory(job, limit), limit);
        if (kind == Kind.SUCCESS_RATE) {
            return new SuccessRateChart(JenkinsTrendPalette.INSTANCE)
                    .create(history, ChartRequest.parse(configuration, limit, SuccessRateChart.RATE));
        }
        return new CapacityChart(JenkinsTrendPalette.INSTANCE)
                .create(history, ChartRequest.parse(configuration, limit, CapacityChart.PERCENT));
    }

    /** Shown once two builds have results (one point is no trend); the capacity chart needs capacity figures. */
    @Override
    public boolean isTrendVisible() {
        int limit = BackupVerifyConfiguration.get().getTrendBuilds();
        int found = 0;
        Iterator<BuildResult<BuildSummary>> builds = new BuildHistory(job, limit).iterator();
        while (builds.hasNext() && found < 2) {
            BuildSummary summary = builds.next().getResult();
            if (kind == Kind.SUCCESS_RATE || !summary.capacity().isEmpty()) {
                found++;
            }
        }
        return found >= 2;
    }
}
