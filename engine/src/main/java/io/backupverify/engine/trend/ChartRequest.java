package io.backupverify.engine.trend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.hm.hafner.echarts.ChartModelConfiguration;
import edu.hm.hafner.echarts.ChartModelConfiguration.AxisType;
import java.io.IOException;
import java.util.Locale;

/**
 * What a chart request from the browser asks for: the chart library's standard keys ({@code numberOfBuilds},
 * {@code numberOfDays}, {@code buildAsDomain}) plus {@code view}, which picks what a chart shows. The number of
 * builds is always capped, also when the browser asks for "all builds".
 *
 * @param configuration the chart library's configuration, with the build count capped
 * @param view          the requested view in lower case, or the given default
 */
public record ChartRequest(ChartModelConfiguration configuration, String view) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads a request; malformed or missing values fall back to the defaults (50 builds, all days, build axis).
     *
     * @param maxBuilds   the most builds any chart may walk
     * @param defaultView the view when none (or a blank one) is asked for
     */
    public static ChartRequest parse(String json, int maxBuilds, String defaultView) {
        JsonNode root = readTree(json);
        boolean buildAxis = !root.has("buildAsDomain") || !"false".equalsIgnoreCase(root.get("buildAsDomain").asText());
        int builds = root.path("numberOfBuilds").asInt(50);
        int days = Math.max(0, root.path("numberOfDays").asInt(0));
        String view = root.path("view").asText("").trim().toLowerCase(Locale.ROOT);
        return new ChartRequest(new ChartModelConfiguration(buildAxis ? AxisType.BUILD : AxisType.DATE,
                cap(builds, maxBuilds), days), view.isEmpty() ? defaultView : view);
    }

    /** The number of builds to walk: the request's, but never "all" and never more than the cap. */
    static int cap(int requested, int maxBuilds) {
        int max = Math.max(2, maxBuilds);
        return requested < 2 ? max : Math.min(requested, max);
    }

    private static JsonNode readTree(String json) {
        if (json == null || json.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
