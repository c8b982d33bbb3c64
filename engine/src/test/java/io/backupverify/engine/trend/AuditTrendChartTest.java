package io.backupverify.engine.trend;

import static org.assertj.core.api.Assertions.assertThat;

import edu.hm.hafner.echarts.Build;
import edu.hm.hafner.echarts.BuildResult;
import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LinesChartModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTrendChartTest {
    private final AuditTrendChart chart = new AuditTrendChart(TrendPalette.STANDARD);

    /** Monthly audits 1..6, newest first: success rates 100, 99, 97.5, 96, 98.5, 99.5; findings grow then shrink. */
    private static List<BuildResult<AuditPoint>> history() {
        double[] rates = {100, 99, 97.5, 96, 98.5, 99.5};
        List<BuildResult<AuditPoint>> builds = new ArrayList<>();
        for (int number = rates.length; number >= 1; number--) {
            int critical = number == 4 ? 2 : 0;
            int warning = number >= 3 && number <= 4 ? 3 : 1;
            builds.add(new BuildResult<>(new Build(number, "#" + number, 1_767_225_600 + number * 2_592_000),
                    new AuditPoint(rates[number - 1], 98, critical, warning, number % 2)));
        }
        return builds;
    }

    @Test
    void successRateBesideTheRequiredMinimumOldestFirst() {
        LinesChartModel model = chart.create(history(), ChartRequest.parse("{}", 50, AuditTrendChart.RATE));

        assertThat(model.getBuildNumbers()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(series(model, AuditTrendChart.SUCCESS_RATE).getData())
                .containsExactly(100.0, 99.0, 97.5, 96.0, 98.5, 99.5);
        assertThat(series(model, AuditTrendChart.REQUIRED).getData()).containsOnly(98.0);
        assertThat(model.getRangeMax()).isEqualTo(100.0);
    }

    @Test
    void findingsBySeverityStacked() {
        LinesChartModel model = chart.create(history(),
                ChartRequest.parse("{\"view\": \"findings\", \"numberOfBuilds\": 3}", 50, AuditTrendChart.RATE));

        assertThat(model.getBuildNumbers()).containsExactly(4, 5, 6);
        assertThat(model.getSeries()).extracting(LineSeries::getName).containsExactly("Critical", "Warning", "Info");
        assertThat(series(model, AuditTrendChart.CRITICAL).getData()).containsExactly(2.0, 0.0, 0.0);
        assertThat(series(model, AuditTrendChart.WARNING).getData()).containsExactly(3.0, 1.0, 1.0);
        assertThat(series(model, AuditTrendChart.INFO).getData()).containsExactly(0.0, 1.0, 0.0);
    }

    private static LineSeries series(LinesChartModel model, String name) {
        return model.getSeries().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }
}
