package io.backupverify.engine.trend;

import edu.hm.hafner.echarts.BuildResult;
import edu.hm.hafner.echarts.ChartModelConfiguration;
import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LineSeries.FilledMode;
import edu.hm.hafner.echarts.line.LineSeries.StackedMode;
import edu.hm.hafner.echarts.line.LinesChartModel;
import edu.hm.hafner.echarts.line.LinesDataSet;
import edu.hm.hafner.echarts.line.SeriesBuilder;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.summary.BuildSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The success-rate trend: per build either the share of backup sets and of checks that passed (view
 * {@code rate}), or how many checks ended in each status (view {@code counts}).
 */
public final class SuccessRateChart {
    public static final String RATE = "rate";
    public static final String COUNTS = "counts";
    static final String SETS_PASSED = "Sets passed %";
    static final String CHECKS_PASSED = "Checks passed %";

    private final TrendPalette palette;

    public SuccessRateChart(TrendPalette palette) {
        this.palette = palette;
    }

    /** The chart for a request; an unknown view shows the rate. */
    public LinesChartModel create(Iterable<? extends BuildResult<BuildSummary>> history, ChartRequest request) {
        return COUNTS.equals(request.view())
                ? counts(history, request.configuration())
                : rate(history, request.configuration());
    }

    public LinesChartModel rate(Iterable<? extends BuildResult<BuildSummary>> history,
            ChartModelConfiguration configuration) {
        LinesDataSet data = new RateSeries().createDataSet(configuration, history);
        LinesChartModel model = SuccessRateChart.percentPerBuild(data);
        model.addSeries(line(data, SETS_PASSED, palette.seriesColor(0), StackedMode.SEPARATE_LINES, FilledMode.LINES),
                line(data, CHECKS_PASSED, palette.seriesColor(1), StackedMode.SEPARATE_LINES, FilledMode.LINES));
        return model;
    }

    public LinesChartModel counts(Iterable<? extends BuildResult<BuildSummary>> history,
            ChartModelConfiguration configuration) {
        LinesDataSet data = new CountSeries().createDataSet(configuration, history);
        data.setDecimals(0);
        LinesChartModel model = new LinesChartModel(data);
        model.setDomainAxisItemName("Build");
        for (Status status : Status.values()) {
            model.addSeries(line(data, status.name(), palette.statusColor(status), StackedMode.STACKED,
                    FilledMode.FILLED));
        }
        return model;
    }

    /** A chart per build of percentages, 0 to 100 with one decimal. */
    static LinesChartModel percentPerBuild(LinesDataSet data) {
        data.setDecimals(1);
        LinesChartModel model = new LinesChartModel(data);
        model.setDomainAxisItemName("Build");
        model.useContinuousRangeAxis();
        model.setRangeMin(0);
        model.setRangeMax(100);
        return model;
    }

    static LineSeries line(LinesDataSet data, String key, String color, StackedMode stacked, FilledMode filled) {
        LineSeries series = new LineSeries(key, color, stacked, filled);
        if (data.containsSeries(key)) {
            series.addAll(data.getSeries(key));
        }
        return series;
    }

    private static final class RateSeries extends SeriesBuilder<BuildSummary> {
        @Override
        protected Map<String, Double> computeSeries(BuildSummary summary) {
            Map<String, Double> series = new LinkedHashMap<>();
            series.put(SETS_PASSED, summary.setSuccessPercent());
            series.put(CHECKS_PASSED, summary.checkSuccessPercent());
            return series;
        }
    }

    private static final class CountSeries extends SeriesBuilder<BuildSummary> {
        @Override
        protected Map<String, Double> computeSeries(BuildSummary summary) {
            Map<String, Double> series = new LinkedHashMap<>();
            for (Status status : Status.values()) {
                series.put(status.name(), (double) summary.checkCounts().get(status));
            }
            return series;
        }
    }
}
