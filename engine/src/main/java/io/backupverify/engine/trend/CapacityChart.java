package io.backupverify.engine.trend;

import edu.hm.hafner.echarts.BuildResult;
import edu.hm.hafner.echarts.ChartModelConfiguration;
import edu.hm.hafner.echarts.line.LineSeries.FilledMode;
import edu.hm.hafner.echarts.line.LineSeries.StackedMode;
import edu.hm.hafner.echarts.line.LinesChartModel;
import edu.hm.hafner.echarts.line.LinesDataSet;
import edu.hm.hafner.echarts.line.SeriesBuilder;
import io.backupverify.engine.summary.BuildSummary;
import io.backupverify.engine.summary.CapacityFigure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The capacity trend: per build and target, the share of the quota in use (view {@code percent}) or the bytes in
 * use, in GiB (view {@code bytes}). A build in which a target has no capacity figure shows 0 for it; a target whose
 * size is unknown is left out of the percentage view.
 */
public final class CapacityChart {
    public static final String PERCENT = "percent";
    public static final String BYTES = "bytes";
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final TrendPalette palette;

    public CapacityChart(TrendPalette palette) {
        this.palette = palette;
    }

    /** The chart for a request; an unknown view shows the percentage. */
    public LinesChartModel create(Iterable<? extends BuildResult<BuildSummary>> history, ChartRequest request) {
        return BYTES.equals(request.view())
                ? bytes(history, request.configuration())
                : percent(history, request.configuration());
    }

    public LinesChartModel percent(Iterable<? extends BuildResult<BuildSummary>> history,
            ChartModelConfiguration configuration) {
        LinesChartModel model = chart(history, configuration, figure -> figure.totalBytes() > 0,
                CapacityFigure::usedPercent, " used %", 1);
        model.setRangeMin(0);
        model.setRangeMax(100);
        return model;
    }

    public LinesChartModel bytes(Iterable<? extends BuildResult<BuildSummary>> history,
            ChartModelConfiguration configuration) {
        return chart(history, configuration, figure -> true, figure -> figure.usedBytes() / GIB, " used GiB", 2);
    }

    private LinesChartModel chart(Iterable<? extends BuildResult<BuildSummary>> history,
            ChartModelConfiguration configuration, Predicate<CapacityFigure> shown, ToDoubleFunction<CapacityFigure> value,
            String suffix, int decimals) {
        LinesDataSet data = new PerTargetSeries(shown, value, suffix).createDataSet(configuration, history);
        data.setDecimals(decimals);
        LinesChartModel model = new LinesChartModel(data);
        model.setDomainAxisItemName("Build");
        model.useContinuousRangeAxis();
        List<String> keys = new ArrayList<>(new TreeSet<>(data.getDataSetIds()));
        for (int i = 0; i < keys.size(); i++) {
            model.addSeries(SuccessRateChart.line(data, keys.get(i), palette.seriesColor(i),
                    StackedMode.SEPARATE_LINES, FilledMode.LINES));
        }
        return model;
    }

    private static final class PerTargetSeries extends SeriesBuilder<BuildSummary> {
        private final Predicate<CapacityFigure> shown;
        private final ToDoubleFunction<CapacityFigure> value;
        private final String suffix;

        PerTargetSeries(Predicate<CapacityFigure> shown, ToDoubleFunction<CapacityFigure> value, String suffix) {
            this.shown = shown;
            this.value = value;
            this.suffix = suffix;
        }

        @Override
        protected Map<String, Double> computeSeries(BuildSummary summary) {
            Map<String, Double> series = new LinkedHashMap<>();
            for (CapacityFigure figure : summary.capacity()) {
                if (shown.test(figure)) {
                    series.put(figure.target() + suffix, value.applyAsDouble(figure));
                }
            }
            return series;
        }
    }
}
