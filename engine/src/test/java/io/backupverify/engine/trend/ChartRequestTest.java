package io.backupverify.engine.trend;

import static org.assertj.core.api.Assertions.assertThat;

import edu.hm.hafner.echarts.ChartModelConfiguration.AxisType;
import org.junit.jupiter.api.Test;

class ChartRequestTest {
    @Test
    void readsTheStandardKeysAndTheView() {
        ChartRequest request = ChartRequest.parse(
                "{\"numberOfBuilds\":20,\"numberOfDays\":7,\"buildAsDomain\":\"false\",\"view\":\"Bytes\"}",
                100, CapacityChart.PERCENT);

        assertThat(request.configuration().getBuildCount()).isEqualTo(20);
        assertThat(request.configuration().getDayCount()).isEqualTo(7);
        assertThat(request.configuration().getAxisType()).isEqualTo(AxisType.DATE);
        assertThat(request.view()).isEqualTo("bytes");
    }

    @Test
    void capsTheBuildCountIncludingAllBuilds() {
        assertThat(ChartRequest.parse("{\"numberOfBuilds\":5000}", 100, "rate").configuration().getBuildCount())
                .isEqualTo(100);
        assertThat(ChartRequest.parse("{\"numberOfBuilds\":0}", 100, "rate").configuration().getBuildCount())
                .isEqualTo(100);
    }

    @Test
    void fallsBackToDefaultsOnMalformedInput() {
        ChartRequest request = ChartRequest.parse("not json", 100, "rate");

        assertThat(request.configuration().getBuildCount()).isEqualTo(50);
        assertThat(request.configuration().getAxisType()).isEqualTo(AxisType.BUILD);
        assertThat(request.view()).isEqualTo("rate");
    }

    @Test
    void readsNumbersTheBrowserSendsAsText() {
        ChartRequest request = ChartRequest.parse("{\"numberOfBuilds\":\"20\",\"numberOfDays\":\"3\"}", 100, "rate");

        assertThat(request.configuration().getBuildCount()).isEqualTo(20);
        assertThat(request.configuration().getDayCount()).isEqualTo(3);
    }
}
