package io.backupverify.engine.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LinesChartModel;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.summary.BuildSummary;
import io.backupverify.engine.summary.CapacityFigure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendChartsTest {
    private final SuccessRateChart successRate = new SuccessRateChart(TrendPalette.STANDARD);
    private final CapacityChart capacity = new CapacityChart(TrendPalette.STANDARD);

    @Test
    void successRateOfTheLastFiftyOfAThousandBuilds() {
        SyntheticHistory history = new SyntheticHistory(1_000);

        LinesChartModel model = successRate.create(TrendHistory.of(history, 200),
                ChartRequest.parse("{\"numberOfBuilds\": 50}", 200, SuccessRateChart.RATE));

        assertThat(model.getBuildNumbers()).hasSize(50).startsWith(951).endsWith(1_000);
        assertThat(history.buildsRead()).isEqualTo(50);
        LineSeries sets = series(model, SuccessRateChart.SETS_PASSED);
        LineSeries checks = series(model, SuccessRateChart.CHECKS_PASSED);
        // build 951 fails a set (951 % 3 == 0), 952 passes, 955 warns (% 5), 960 both fails and warns
        assertThat(sets.getData().get(0)).isEqualTo(50.0);
        assertThat(sets.getData().get(1)).isEqualTo(100.0);
        assertThat(checks.getData().get(0)).isEqualTo(75.0);
        assertThat(checks.getData().get(1)).isEqualTo(100.0);
        assertThat(checks.getData().get(4)).isEqualTo(75.0);
        assertThat(checks.getData().get(9)).isEqualTo(50.0);
        assertThat(model.getRangeMax()).isEqualTo(100.0);
    }

    @Test
    void countsPerStatusAcrossTheWholeCappedHistory() {
        SyntheticHistory history = new SyntheticHistory(1_000);

        LinesChartModel model = successRate.create(TrendHistory.of(history, 1_000),
                ChartRequest.parse("{\"numberOfBuilds\": 0, \"view\": \"counts\"}", 1_000, SuccessRateChart.RATE));

        assertThat(model.getBuildNumbers()).hasSize(1_000).startsWith(1);
        assertThat(history.buildsRead()).isEqualTo(1_000);
        assertThat(model.getSeries()).extracting(LineSeries::getName)
                .containsExactly("PASS", "WARN", "FAIL", "ERROR");
        double failures = series(model, "FAIL").getData().stream().mapToDouble(Double::doubleValue).sum();
        double warnings = series(model, "WARN").getData().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(failures).isEqualTo(333);
        assertThat(warnings).isEqualTo(200);
        assertThat(series(model, "ERROR").getData()).containsOnly(0.0);
    }

    @Test
    void theConfiguredLimitBoundsTheWalkEvenWhenAllBuildsAreAskedFor() {
        SyntheticHistory history = new SyntheticHistory(1_000);

        LinesChartModel model = successRate.create(TrendHistory.of(history, 30),
                ChartRequest.parse("{\"numberOfBuilds\": 0}", 30, SuccessRateChart.RATE));

        assertThat(model.getBuildNumbers()).hasSize(30);
        assertThat(history.buildsRead()).isEqualTo(30);
    }

    @Test
    void capacityInPercentAndGibPerTarget() {
        SyntheticHistory history = new SyntheticHistory(1_000);
        ChartRequest lastTen = ChartRequest.parse("{\"numberOfBuilds\": 10}", 100, CapacityChart.PERCENT);

        LinesChartModel percent = capacity.create(TrendHistory.of(history, 100), lastTen);
        LinesChartModel bytes = capacity.create(TrendHistory.of(new SyntheticHistory(1_000), 100),
                new ChartRequest(lastTen.configuration(), CapacityChart.BYTES));

        assertThat(series(percent, "t used %").getData()).hasSize(10).first().isEqualTo(49.6);
        assertThat(series(percent, "t used %").getData().get(9)).isEqualTo(50.0);
        assertThat(series(bytes, "t used GiB").getData().get(9)).isCloseTo(1_000.0, within(0.001));
    }

    @Test
    void buildsWithoutCapacityFiguresAreLeftOutOfTheCapacityChart() {
        var history = List.of(
                TrendHistory.entry(2, "#2", 0, SyntheticHistory.summary(2)),
                TrendHistory.entry(1, "#1", 0, new BuildSummary(
                        Status.ERROR, Map.of(), Map.of(), 0, 0,
                        List.of())));

        LinesChartModel model = capacity.create(TrendHistory.of(history, 10),
                ChartRequest.parse("", 10, CapacityChart.PERCENT));

        assertThat(model.getBuildNumbers()).containsExactly(2);
    }

    @Test
    void aTargetOfUnknownSizeIsOnlyInTheBytesView() {
        var summary = new BuildSummary(Status.ERROR,
                Map.of(), Map.of(), 0, 0,
                List.of(new CapacityFigure("nas", 5 * SyntheticHistory.GIB, 0, 0)));
        var history = List.of(TrendHistory.entry(1, "#1", 0, summary));

        LinesChartModel percent = capacity.create(TrendHistory.of(history, 10),
                ChartRequest.parse("", 10, CapacityChart.PERCENT));
        LinesChartModel bytes = capacity.create(TrendHistory.of(history, 10),
                ChartRequest.parse("{\"view\":\"bytes\"}", 10, CapacityChart.PERCENT));

        assertThat(percent.getSeries()).isEmpty();
        assertThat(series(bytes, "nas used GiB").getData()).containsExactly(5.0);
    }

    @Test
    void modelsSerializeToTheJsonTheChartLibraryReads() {
        LinesChartModel model = successRate.create(TrendHistory.of(new SyntheticHistory(1_000), 5),
                ChartRequest.parse(null, 5, SuccessRateChart.RATE));

        String json = ChartJson.of(model);

        assertThat(json).contains("\"domainAxisLabels\":[\"#996\",\"#997\",\"#998\",\"#999\",\"#1000\"]")
                .contains("\"name\":\"Sets passed %\"");
    }

    private static LineSeries series(LinesChartModel model, String name) {
        return model.getSeries().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }
}
