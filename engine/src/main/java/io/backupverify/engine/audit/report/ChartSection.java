package io.backupverify.engine.audit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupverify.engine.report.Html;
import java.util.Map;
import java.util.Optional;

/**
 * Charts as a piece of a self-contained HTML page: a box per chart, the options as JSON data, the ECharts script
 * inlined, and a few lines that draw each chart as SVG (sharp when printed). Without the script on the class path
 * the section says that the charts are missing instead of drawing nothing silently.
 */
public final class ChartSection {
    /** Style rules for the chart boxes, screen and print. */
    public static final String CSS = """
            .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
            .chart { border: 1px solid #ccd; border-radius: 6px; padding: 8px; break-inside: avoid; }
            .chart h3 { margin: 0 0 4px; font-size: 1em; }
            .chart .plot { width: 100%; height: 300px; }
            @media print { .charts { display: block; } .chart { margin-bottom: 12px; } .chart .plot { width: 17cm; } }
            """;

    private final ObjectMapper mapper = new ObjectMapper();

    /** The section's HTML; empty when there are no charts. */
    public String html(Map<String, ObjectNode> charts) {
        if (charts.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<div class=\"charts\">\n");
        ArrayNode data = mapper.createArrayNode();
        int index = 0;
        for (Map.Entry<String, ObjectNode> chart : charts.entrySet()) {
            html.append("<figure class=\"chart\"><h3>").append(Html.escape(chart.getKey()))
                    .append("</h3><div class=\"plot\" id=\"chart-").append(index++).append("\"></div></figure>\n");
            data.add(chart.getValue());
        }
        html.append("</div>\n");
        Optional<String> script = EchartsScript.text();
        if (script.isEmpty()) {
            return html.append("<p class=\"none\">The charts cannot be drawn: the ECharts library "
                    + "(org.webjars:echarts) was not available when this report was written.</p>\n").toString();
        }
        html.append("<script type=\"application/json\" id=\"chart-data\">").append(json(data)).append("</script>\n");
        html.append("<script>").append(script.get()).append("</script>\n");
        html.append("""
                <script>
                (function () {
                  var options = JSON.parse(document.getElementById('chart-data').textContent);
                  var charts = [];
                  options.forEach(function (option, i) {
                    var chart = echarts.init(document.getElementById('chart-' + i), null, {renderer: 'svg'});
                    chart.setOption(option);
                    charts.push(chart);
                  });
                  function resize() { charts.forEach(function (c) { c.resize(); }); }
                  window.addEventListener('resize', resize);
                  window.addEventListener('beforeprint', resize);
                })();
                </script>
                """);
        return html.toString();
    }

    /** JSON safe inside a script element: every '<' escaped, so no "</script" or "<!--" can occur. */
    private String json(ArrayNode data) {
        try {
            return mapper.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write chart data", e);
        }
    }
}
