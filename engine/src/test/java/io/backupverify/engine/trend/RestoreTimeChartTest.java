package io.backupverify.engine.trend;

import static org.assertj.core.api.Assertions.assertThat;

import edu.hm.hafner.echarts.BuildResult;
import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LinesChartModel;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.summary.BuildSummary;
import io.backupverify.engine.summary.RestoreTimeFigure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreTimeChartTest {
    private final RestoreTimeChart chart = new RestoreTimeChart(TrendPalette.STANDARD);

    /** Builds 1..n newest first; build b restores "db" in b*10 s against an RTO of 60 s, and "web" in 5 s without one. */
    private static List<BuildResult<BuildSummary>> history(int builds) {
        List<BuildResult<BuildSummary>> history = new ArrayList<>();
        for (int b = builds; b >= 1; b--) {
            history.add(TrendHistory.entry(b, "#" + b, 1_700_000_000_000L + b * 86_400_000L, summary(
                    new RestoreTimeFigure("db", b * 10_000 > 60_000 ? "FAIL" : "PASS", b * 10_000L, 60_000),
                    new RestoreTimeFigure("web", "PASS", 5_000, -1))));
        }
        return history;
    }

    private static BuildSummary summary(RestoreTimeFigure... figures) {
        return new BuildSummary(Status.PASS, Map.of(), Map.of(), 0, 0, List.of(), List.of(figures));
    }

    private static LineSeries series(LinesChartModel model, String name) {
        return model.getSeries().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + name + " in " + model.getSeries().stream()
                        .map(LineSeries::getName).toList()));
    }

    @Test
    void restoreTimeAndRtoPerSetInSecondsWhileTheyAreShort() {
        LinesChartModel model = chart.create(history(5), ChartRequest.parse("", 50, RestoreTimeChart.TIME));

        assertThat(model.getBuildNumbers()).containsExactly(1, 2, 3, 4, 5);
        assertThat(model.getSeries()).extracting(LineSeries::getName)
                .containsExactly("db (s)", "db RTO (s)", "web (s)");
        assertThat(series(model, "db (s)").getData()).containsExactly(10.0, 20.0, 30.0, 40.0, 50.0);
        assertThat(series(model, "db RTO (s)").getData()).containsOnly(60.0);
        assertThat(series(model, "web (s)").getData()).containsOnly(5.0);
        assertThat(model.getRangeMin()).isEqualTo(0.0);
    }

    @Test
    void minutesOnceAValueReachesTwoMinutes() {
        LinesChartModel model = chart.create(history(12), ChartRequest.parse("", 50, RestoreTimeChart.TIME));

        assertThat(series(model, "db (min)").getData()).startsWith(0.17, 0.33, 0.5).endsWith(2.0);
        assertThat(series(model, "db RTO (min)").getData()).containsOnly(1.0);
    }

    @Test
    void shareOfTheRtoLeavesOutSetsWithoutOneAndDrawsTheRtoAtOneHundred() {
        LinesChartModel model = chart.create(history(8),
                ChartRequest.parse("{\"view\": \"rto\", \"numberOfBuilds\": 3}", 50, RestoreTimeChart.TIME));

        assertThat(model.getBuildNumbers()).containsExactly(6, 7, 8);
        assertThat(model.getSeries()).extracting(LineSeries::getName)
                .containsExactly("db (% of RTO)", RestoreTimeChart.RTO_LINE);
        assertThat(series(model, "db (% of RTO)").getData()).containsExactly(100.0, 116.7, 133.3);
        assertThat(series(model, RestoreTimeChart.RTO_LINE).getData()).containsOnly(100.0);
    }

    @Test
    void buildsWithoutRestoreTestsAreLeftOutAndOddSetNamesStayApart() {
        List<BuildResult<BuildSummary>> history = List.of(
                TrendHistory.entry(3, "#3", 3_000, summary(new RestoreTimeFigure("a time:b", "PASS", 1_000, 2_000),
                        new RestoreTimeFigure("rto:a", "PASS", 3_000, -1))),
                TrendHistory.entry(2, "#2", 2_000, summary()),
                TrendHistory.entry(1, "#1", 1_000, summary(new RestoreTimeFigure("a time:b", "ERROR", -1, 2_000))));

        LinesChartModel model = chart.create(history, ChartRequest.parse("", 50, RestoreTimeChart.TIME));

        assertThat(model.getBuildNumbers()).containsExactly(1, 3);
        assertThat(series(model, "a time:b (s)").getData()).containsExactly(0.0, 1.0);
        assertThat(series(model, "a time:b RTO (s)").getData()).containsExactly(2.0, 2.0);
        assertThat(series(model, "rto:a (s)").getData()).containsExactly(0.0, 3.0);
    }

    @Test
    void theSummaryOfARunCarriesTheRestoreTimes() {
        BuildSummary withTimes = summary(new RestoreTimeFigure("db", "FAIL", 90_000, 60_000));

        assertThat(withTimes.restoreTimes()).singleElement().satisfies(figure -> {
            assertThat(figure.overRto()).isTrue();
            assertThat(figure.set()).isEqualTo("db");
        });
        assertThat(new BuildSummary(Status.PASS, Map.of(), Map.of(), 0, 0, List.of()).restoreTimes()).isEmpty();
    }
}
