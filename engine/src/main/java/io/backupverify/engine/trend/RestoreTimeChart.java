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
import io.backupverify.engine.summary.RestoreTimeFigure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

/**
 * The restore-time trend: per build and set, how long the restore test took, against the set's RTO. View
 * {@code time} draws each set's restore time and its RTO, in seconds, or in minutes once a value reaches two minutes
 * (the series names say which); view {@code rto} draws each restore time as a share of its RTO, with the RTO at
 * 100 %. Builds without restore tests are left out; a set without a figure in a build shows 0 there.
 */
public final class RestoreTimeChart {
    public static final String TIME = "time";
    public static final String RTO = "rto";
    static final String RTO_LINE = "RTO (100 %)";
    private static final double MINUTES_FROM_SECONDS = 120;
    private static final String TIME_KEY = "time:";
    private static final String RTO_KEY = "rto:";

    private final TrendPalette palette;

    public RestoreTimeChart(TrendPalette palette) {
        this.palette = palette;
    }

    /** The chart for a request; an unknown view shows the time. */
    public LinesChartModel create(Iterable<? extends BuildResult<BuildSummary>> history, ChartRequest request) {
        return RTO.equals(request.view())
                ? shareOfRto(history, request.configuration())
                : time(history, request.configuration());
    }

    /** Restore time and RTO per set, in seconds or minutes. */
    public LinesChartModel time(Iterable<? extends BuildResult<BuildSummary>> history,
            ChartModelConfiguration configuration) {
        PerSet builder = new PerSet(false);
        LinesDataSet data = builder.createDataSet(configuration, history);
        data.setDecimals(1);
        boolean minutes = data.isNotEmpty() && data.getMaximumValue() >= MINUTES_FROM_SECONDS;
        String unit = minutes ? " (min)" : " (s)";
        DoubleUnaryOperator scale = minutes ? seconds -> Math.round(seconds / 60 * 100) / 100.0 : seconds -> seconds;
        LinesChartModel model = model(data);
        int index = 0;
        for (String set : builder.sets) {
            String color = palette.seriesColor(index++);
            add(model, data, TIME_KEY + set, set + unit, color, scale);
            add(model, data, RTO_KEY + set, set + " RTO" + unit, palette.statusColor(Status.FAIL), scale);
        }
        return model;
    }

    /** Restore time per set as a share of its RTO (sets without an RTO are left out), and the RTO line at 100. */
    public LinesChartModel shareOfRto(Iterable<? extends BuildResult<BuildSummary>> history,
            ChartModelConfiguration configuration) {
        PerSet builder = new PerSet(true);
        LinesDataSet data = builder.createDataSet(configuration, history);
        data.setDecimals(1);
        LinesChartModel model = model(data);
        int index = 0;
        for (String set : builder.sets) {
            add(model, data, TIME_KEY + set, set + " (% of RTO)", palette.seriesColor(index++), value -> value);
        }
        add(model, data, RTO_LINE, RTO_LINE, palette.statusColor(Status.FAIL), value -> value);
        return model;
    }

    private static LinesChartModel model(LinesDataSet data) {
        LinesChartModel model = new LinesChartModel(data);
        model.setDomainAxisItemName("Build");
        model.useContinuousRangeAxis();
        model.setRangeMin(0);
        return model;
    }

    private static void add(LinesChartModel model, LinesDataSet data, String key, String name, String color,
            DoubleUnaryOperator scale) {
        if (!data.containsSeries(key)) {
            return;
        }
        LineSeries series = new LineSeries(name, color, StackedMode.SEPARATE_LINES, FilledMode.LINES);
        // addAll keeps the oldest build first; add(double) would put each value in front
        series.addAll(data.getSeries(key).stream().map(scale::applyAsDouble).toList());
        model.addSeries(series);
    }

    /** The series of each set, keyed apart from the set's name (which may be anything), and the sets seen. */
    private static final class PerSet extends SeriesBuilder<BuildSummary> {
        private final boolean shareOfRto;
        private final SortedSet<String> sets = new TreeSet<>();

        PerSet(boolean shareOfRto) {
            this.shareOfRto = shareOfRto;
        }

        @Override
        protected Map<String, Double> computeSeries(BuildSummary summary) {
            Map<String, Double> series = new LinkedHashMap<>();
            for (RestoreTimeFigure figure : summary.restoreTimes()) {
                if (shareOfRto) {
                    if (figure.rtoMs() > 0 && figure.totalMs() >= 0) {
                        sets.add(figure.set());
                        series.put(TIME_KEY + figure.set(), 100.0 * figure.totalMs() / figure.rtoMs());
                        series.put(RTO_LINE, 100.0);
                    }
                    continue;
                }
                sets.add(figure.set());
                if (figure.totalMs() >= 0) {
                    series.put(TIME_KEY + figure.set(), figure.totalMs() / 1000.0);
                }
                if (figure.rtoMs() >= 0) {
                    series.put(RTO_KEY + figure.set(), figure.rtoMs() / 1000.0);
                }
            }
            return series;
        }
    }
}
