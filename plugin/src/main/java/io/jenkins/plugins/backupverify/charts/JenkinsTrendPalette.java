package io.jenkins.plugins.backupverify.charts;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.trend.TrendPalette;
import io.jenkins.plugins.echarts.JenkinsPalette;

/** The trend colours as Jenkins theme variables, so the charts follow light and dark themes. */
final class JenkinsTrendPalette implements TrendPalette {
    static final JenkinsTrendPalette INSTANCE = new JenkinsTrendPalette();

    private JenkinsTrendPalette() {
    }

    @Override
    public String statusColor(Status status) {
        return switch (status) {
            case PASS -> JenkinsPalette.GREEN.normal();
            case WARN -> JenkinsPalette.YELLOW.normal();
            case FAIL -> JenkinsPalette.RED.normal();
            case ERROR -> JenkinsPalette.PURPLE.normal();
        };
    }

    @Override
    public String seriesColor(int index) {
        return JenkinsPalette.chartColor(index).normal();
    }
}
