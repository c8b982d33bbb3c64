package io.jenkins.plugins.backupverify.charts;

import edu.hm.hafner.echarts.line.LinesChartModel;
import hudson.model.Item;
import hudson.model.Job;
import io.backupverify.engine.trend.AuditTrendChart;
import io.backupverify.engine.trend.ChartJson;
import io.backupverify.engine.trend.ChartRequest;
import io.jenkins.plugins.backupverify.config.BackupVerifyConfiguration;
import io.jenkins.plugins.echarts.AsyncConfigurableTrendChart;
import java.util.Iterator;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * The audit trend of one {@code backupAudit} id on the job page: each audit's overall success rate beside the
 * required minimum (view {@code rate}), or its findings by severity (view {@code findings}). The number of builds
 * walked is capped by the global setting, as for the verification charts.
 */
public final class AuditTrend implements AsyncConfigurableTrendChart {
    private final Job<?, ?> job;
    private final String id;
    private Boolean visible;

    public AuditTrend(Job<?, ?> job, String id) {
        this.job = job;
        this.id = id;
    }

    /** Clicking a point opens {@code <build>/<urlName>}: the build's audit of this id. */
    public String getUrlName() {
        return id;
    }

    /** Names the chart's configuration dialog and stored settings. */
    public String getSuffix() {
        return id + "-audit";
    }

    @JavaScriptMethod
    @Override
    public String getConfigurableBuildTrendModel(String configuration) {
        job.checkPermission(Item.READ);
        return ChartJson.of(createModel(configuration));
    }

    LinesChartModel createModel(String configuration) {
        int limit = BackupVerifyConfiguration.get().getTrendBuilds();
        return new AuditTrendChart(JenkinsTrendPalette.INSTANCE).create(new AuditBuildHistory(job, id, limit),
                ChartRequest.parse(configuration, limit, AuditTrendChart.RATE));
    }

    /** Shown once two of the newest few builds audited under this id (one point is no trend). */
    @Override
    public synchronized boolean isTrendVisible() {
        if (visible == null) {
            Iterator<?> builds = new AuditBuildHistory(job, id, TrendChart.VISIBILITY_BUILDS).iterator();
            int found = 0;
            while (builds.hasNext() && found < 2) {
                builds.next();
                found++;
            }
            visible = found >= 2;
        }
        return visible;
    }
}
