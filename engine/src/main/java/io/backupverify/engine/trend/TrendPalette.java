package io.backupverify.engine.trend;

import edu.hm.hafner.echarts.Palette;
import io.backupverify.engine.check.Status;

/**
 * The colours of the trend charts. Jenkins supplies its theme's CSS variables; anything else can use
 * {@link #STANDARD}.
 */
public interface TrendPalette {
    /** Fixed colours from the chart library's palette. */
    TrendPalette STANDARD = new TrendPalette() {
        @Override
        public String statusColor(Status status) {
            return switch (status) {
                case PASS -> Palette.GREEN.getNormal();
                case WARN -> Palette.YELLOW.getNormal();
                case FAIL -> Palette.RED.getNormal();
                case ERROR -> Palette.PURPLE.getNormal();
            };
        }

        @Override
        public String seriesColor(int index) {
            return Palette.color(index).getNormal();
        }
    };

    /** The colour of a line that counts results of one status. */
    String statusColor(Status status);

    /** The colour of the n-th line of a chart whose lines are not statuses (sets, checks, targets). */
    String seriesColor(int index);
}
