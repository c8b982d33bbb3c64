package io.backupverify.engine.trend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.hm.hafner.echarts.line.LinesChartModel;

/** Writes chart models as the JSON the browser's chart library reads, with the engine's own Jackson 2 mapper. */
public final class ChartJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartJson() {
    }

    public static String of(LinesChartModel model) {
        try {
            return JSON.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the chart model as JSON", e);
        }
    }
}
