package io.jenkins.plugins.backupverify.charts;

import edu.hm.hafner.echarts.line.LinesChartModel;
import hudson.model.Item;
import hudson.model.Job;
import io.backupverify.engine.trend.ChartJson;
import io.jenkins.plugins.backupverify.config.BackupVerifyConfiguration;
import io.jenkins.plugins.echarts.AsyncConfigurableTrendChart;
import java.util.Iterator;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * One trend chart of one call id on the job page, loaded by the browser through
 * {@link #getConfigurableBuildTrendModel(String)} for users who may read the job. The number of builds it walks is
 * capped by the global setting; whether it is shown is decided on the newest {@value #VISIBILITY_BUILDS} builds only,
 * since every job page view asks.
 */
public abstract class JobTrendChart implements AsyncConfigurableTrendChart {
    /** How many builds {@link #isTrendVisible()} looks at. */
    static final int VISIBILITY_BUILDS = 10;

    private final Job<?, ?> job;
    private final String id;
    /** Whether the chart has something to show, found once per page (the page and echarts-api both ask). */
    private Boolean visible;

    JobTrendChart(Job<?, ?> job, String id) {
        this.job = job;
        this.id = id;
    }

    protected Job<?, ?> getJob() {
        return job;
    }

    protected String getId() {
        return id;
    }

    /** Clicking a point opens {@code <build>/<urlName>}: the build's result of this id. */
    public String getUrlName() {
        return id;
    }

    /** Names the chart's configuration dialog and stored settings; unique per id and chart. */
    public abstract String getSuffix();

    @JavaScriptMethod
    @Override
    public String getConfigurableBuildTrendModel(String configuration) {
        job.checkPermission(Item.READ);
        return ChartJson.of(createModel(configuration));
    }

    final LinesChartModel createModel(String configuration) {
        return createModel(configuration, BackupVerifyConfiguration.get().getTrendBuilds());
    }

    /** The chart for the browser's configuration, over at most {@code limit} builds. */
    abstract LinesChartModel createModel(String configuration, int limit);

    /** The builds of this id the chart reads, newest first, at most {@code maxBuilds} of them walked. */
    abstract Iterable<?> history(int maxBuilds);

    /** Shown once two of the newest builds have something to show (one point is no trend). */
    @Override
    public synchronized boolean isTrendVisible() {
        if (visible == null) {
            Iterator<?> builds = history(VISIBILITY_BUILDS).iterator();
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
