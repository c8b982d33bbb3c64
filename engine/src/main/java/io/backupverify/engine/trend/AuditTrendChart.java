package io.backupverify.engine.trend;

import edu.hm.hafner.echarts.BuildResult;
import edu.hm.hafner.echarts.ChartModelConfiguration;
import edu.hm.hafner.echarts.line.LineSeries.FilledMode;
import edu.hm.hafner.echarts.line.LineSeries.StackedMode;
import edu.hm.hafner.echarts.line.LinesChartModel;
import edu.hm.hafner.echarts.line.LinesDataSet;
import edu.hm.hafner.echarts.line.SeriesBuilder;
import io.backupverify.engine.check.Status;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trend of the audits of a job: per audit build either the overall success rate of its period beside the
 * required minimum (view {@code rate}), or its findings by severity (view {@code findings}). An audit of a period
 * without runs has no success rate and is left off the rate line.
 */
public final class AuditTrendChart {
    public static final String RATE = "rate";
    public static final String FINDINGS = "findings";
    static final String SUCCESS_RATE = "Success rate %";
    static final String REQUIRED = "Required %";
    static final String CRITICAL = "Critical";
    static final String WARNING = "Warning";
    static final String INFO = "Info";

    private final TrendPalette palette;

    public AuditTrendChart(TrendPalette palette) {
        this.palette = palette;
    }

    /** The chart for a request; an unknown view shows the rate. */
    public LinesChartModel create(Iterable<? extends BuildResult<AuditPoint>> history, ChartRequest request) {
        return FINDINGS.equals(request.view())
                ? findings(history, request.configuration())
                : rate(history, request.configuration());
    }

    public LinesChartModel rate(Iterable<? extends BuildResult<AuditPoint>> history,
            ChartModelConfiguration configuration) {
        LinesDataSet data = new RateSeries().createDataSet(configuration, history);
        LinesChartModel model = SuccessRateChart.percentPerBuild(data);
        model.addSeries(SuccessRateChart.line(data, SUCCESS_RATE, palette.statusColor(Status.PASS),
                StackedMode.SEPARATE_LINES, FilledMode.LINES), SuccessRateChart.line(data, REQUIRED,
                palette.statusColor(Status.FAIL), StackedMode.SEPARATE_LINES, FilledMode.LINES));
        return model;
    }

    public LinesChartModel findings(Iterable<? extends BuildResult<AuditPoint>> history,
            ChartModelConfiguration configuration) {
        LinesDataSet data = new FindingSeries().createDataSet(configuration, history);
        data.setDecimals(0);
        LinesChartModel model = new LinesChartModel(data);
        model.setDomainAxisItemName("Build");
        model.addSeries(SuccessRateChart.line(data, CRITICAL, palette.statusColor(Status.FAIL), StackedMode.STACKED,
                FilledMode.FILLED), SuccessRateChart.line(data, WARNING, palette.statusColor(Status.WARN),
                StackedMode.STACKED, FilledMode.FILLED), SuccessRateChart.line(data, INFO, palette.seriesColor(0),
                StackedMode.STACKED, FilledMode.FILLED));
        return model;
    }

    private static final class RateSeries extends SeriesBuilder<AuditPoint> {
        @Override
        protected Map<String, Double> computeSeries(AuditPoint point) {
            Map<String, Double> series = new LinkedHashMap<>();
            if (point.successRatePercent() >= 0) {
                series.put(SUCCESS_RATE, point.successRatePercent());
            }
            if (point.minPercent() >= 0) {
                series.put(REQUIRED, point.minPercent());
            }
            return series;
        }
    }

    private static final class FindingSeries extends SeriesBuilder<AuditPoint> {
        @Override
        protected Map<String, Double> computeSeries(AuditPoint point) {
            Map<String, Double> series = new LinkedHashMap<>();
            series.put(CRITICAL, (double) point.critical());
            series.put(WARNING, (double) point.warning());
            series.put(INFO, (double) point.info());
            return series;
        }
    }
}
