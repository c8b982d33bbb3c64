package io.backupverify.engine.audit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupverify.engine.audit.AuditResult;
import io.backupverify.engine.audit.AuditText;
import io.backupverify.engine.audit.CapacityTrend;
import io.backupverify.engine.audit.DurationTrend;
import io.backupverify.engine.audit.RestoreReview;
import io.backupverify.engine.audit.RestoreTiming;
import io.backupverify.engine.audit.SetSuccess;
import io.backupverify.engine.audit.TimedValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts of an audit as ECharts options: success rate per set, capacity with its forecast, restore time against
 * the RTO, bytes verified per run and backup durations. A chart without data is left out.
 */
public final class AuditCharts {
    private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"};

    /** Set names longer than this together do not fit side by side under the success-rate bars. */
    static final int SLANT_NAME_CHARS = 40;

    private final ObjectMapper mapper = new ObjectMapper();

    /** Chart title to ECharts option, in display order. */
    public Map<String, ObjectNode> charts(AuditResult audit) {
        Map<String, ObjectNode> charts = new LinkedHashMap<>();
        if (audit.successRates().stream().anyMatch(set -> set.runs() > 0)) {
            charts.put("Success rate per backup set", successRate(audit));
        }
        if (!audit.capacity().isEmpty()) {
            charts.put("Capacity and forecast", capacity(audit));
        }
        if (audit.restoreTests().stream().anyMatch(review -> !review.timings().isEmpty())) {
            charts.put("Restore time against RTO", restoreTimes(audit));
        }
        if (!audit.bytesVerified().isEmpty()) {
            charts.put("Bytes verified per run", bytesVerified(audit));
        }
        if (!audit.durations().isEmpty()) {
            charts.put("Backup durations", durations(audit));
        }
        return charts;
    }

    ObjectNode successRate(AuditResult audit) {
        ObjectNode option = base();
        List<SetSuccess> sets = audit.successRates().stream().filter(set -> set.runs() > 0).toList();
        ObjectNode x = option.putObject("xAxis").put("type", "category");
        ArrayNode names = x.putArray("data");
        sets.forEach(set -> names.add(set.set()));
        // every name shown; slanted when they would run into each other on a chart half a page wide
        int nameChars = sets.stream().mapToInt(set -> set.set().length()).sum();
        x.putObject("axisLabel").put("interval", 0)
                .put("rotate", sets.size() > 6 || nameChars > SLANT_NAME_CHARS ? 30 : 0);
        option.putObject("yAxis").put("type", "value").put("min", 0).put("max", 100).put("name", "% of runs");
        ArrayNode series = option.putArray("series");
        ObjectNode pass = bar(series, "PASS", "#2e7d32");
        ObjectNode warn = bar(series, "WARN (counts as success)", "#f9a825");
        for (SetSuccess set : sets) {
            pass.withArray("data").add(round(100.0 * set.passed() / set.runs()));
            warn.withArray("data").add(round(set.warnSharePercent()));
        }
        markLine(warn, audit.spec().successRate().min().value(), "minimum " + audit.spec().successRate().min(),
                "#c62828");
        return option;
    }

    ObjectNode capacity(AuditResult audit) {
        ObjectNode option = base();
        boolean percent = audit.capacity().stream().allMatch(trend -> trend.totalBytes() > 0);
        int unit = unit(audit.capacity().stream().flatMap(trend -> trend.usedBytes().stream())
                .mapToDouble(TimedValue::value).max().orElse(0));
        option.putObject("xAxis").put("type", "time");
        ObjectNode y = option.putObject("yAxis").put("type", "value").put("name", percent ? "% used"
                : UNITS[unit] + " used");
        if (percent) {
            y.put("min", 0).put("max", 100);
        }
        ArrayNode series = option.putArray("series");
        int index = 0;
        for (CapacityTrend trend : audit.capacity()) {
            String color = COLORS[index++ % COLORS.length];
            double scale = percent ? 100.0 / trend.totalBytes() : 1 / Math.pow(1024, unit);
            ObjectNode line = line(series, trend.target(), color);
            for (TimedValue point : trend.usedBytes()) {
                point(line, point.at(), point.value() * scale);
            }
            if (trend.fit() != null && trend.fit().slope() > 0 && trend.totalBytes() > 0) {
                ObjectNode forecast = line(series, trend.target() + " forecast", color);
                forecast.putObject("lineStyle").put("type", "dashed");
                TimedValue last = trend.usedBytes().get(trend.usedBytes().size() - 1);
                // the forecast is drawn over the next period, or to the day the target is full if that is sooner
                Instant end = audit.auditedAt().plus(audit.spec().period().duration());
                if (trend.fullDate() != null && trend.fullDate().isBefore(end)) {
                    end = trend.fullDate();
                }
                point(forecast, last.at(), fitted(audit, trend, last.at()) * scale);
                point(forecast, end, fitted(audit, trend, end) * scale);
            }
            if (index == 1 && percent) {
                markLine(line, trend.warnAt(), "warn at " + AuditText.percent(trend.warnAt()), "#f9a825");
                markLine(line, 100, "full", "#c62828");
            }
        }
        return option;
    }

    private static double fitted(AuditResult audit, CapacityTrend trend, Instant at) {
        double days = (at.toEpochMilli() - audit.periodStart().toEpochMilli()) / 86_400_000.0;
        return Math.max(0, trend.fit().at(days));
    }

    ObjectNode restoreTimes(AuditResult audit) {
        ObjectNode option = base();
        option.putObject("xAxis").put("type", "time");
        option.putObject("yAxis").put("type", "value").put("name", "minutes").put("min", 0);
        ArrayNode series = option.putArray("series");
        int index = 0;
        double highest = 0;
        // sets with the same RTO share one line, so that their labels do not lie on top of each other
        Map<Double, List<String>> setsByRto = new LinkedHashMap<>();
        ObjectNode first = null;
        for (RestoreReview review : audit.restoreTests()) {
            if (review.timings().isEmpty()) {
                continue;
            }
            ObjectNode line = line(series, review.set(), COLORS[index++ % COLORS.length]);
            line.put("symbolSize", 8);
            first = first == null ? line : first;
            double rto = -1;
            for (RestoreTiming timing : review.timings()) {
                point(line, timing.at(), timing.seconds() / 60);
                rto = Math.max(rto, timing.rtoSeconds());
                highest = Math.max(highest, Math.max(timing.seconds(), timing.rtoSeconds()));
            }
            if (rto >= 0) {
                setsByRto.computeIfAbsent(round(rto / 60), minutes -> new ArrayList<>()).add(review.set());
            }
        }
        for (Map.Entry<Double, List<String>> rto : setsByRto.entrySet()) {
            markLine(first, rto.getKey(), "RTO " + String.join(", ", rto.getValue()), "#c62828");
        }
        // a mark line outside the axis is not drawn: make room for the highest RTO
        option.withObject("/yAxis").put("max", Math.ceil(highest / 60 * 1.1 * 10) / 10);
        return option;
    }

    ObjectNode bytesVerified(AuditResult audit) {
        ObjectNode option = base();
        int unit = unit(audit.bytesVerified().stream().mapToDouble(TimedValue::value).max().orElse(0));
        option.putObject("xAxis").put("type", "time");
        option.putObject("yAxis").put("type", "value").put("name", UNITS[unit]);
        ObjectNode bars = bar(option.putArray("series"), "verified", "#1565c0");
        bars.remove("stack");
        for (TimedValue point : audit.bytesVerified()) {
            point(bars, point.at(), point.value() / Math.pow(1024, unit));
        }
        return option;
    }

    ObjectNode durations(AuditResult audit) {
        ObjectNode option = base();
        option.putObject("xAxis").put("type", "time");
        option.putObject("yAxis").put("type", "value").put("name", "minutes").put("min", 0);
        ArrayNode series = option.putArray("series");
        int index = 0;
        for (DurationTrend trend : audit.durations()) {
            String color = COLORS[index++ % COLORS.length];
            ObjectNode line = line(series, trend.set() + (trend.slowing() ? " (slowing)" : ""), color);
            for (TimedValue point : trend.seconds()) {
                point(line, point.at(), point.value() / 60);
            }
        }
        return option;
    }

    private ObjectNode base() {
        ObjectNode option = mapper.createObjectNode();
        option.put("animation", false);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("type", "scroll").put("bottom", 0);
        option.putObject("grid").put("left", 56).put("right", 24).put("top", 36).put("bottom", 56)
                .put("containLabel", true);
        return option;
    }

    private ObjectNode line(ArrayNode series, String name, String color) {
        ObjectNode line = series.addObject().put("type", "line").put("name", name).put("color", color)
                .put("showSymbol", true).put("symbolSize", 4);
        line.putArray("data");
        return line;
    }

    private ObjectNode bar(ArrayNode series, String name, String color) {
        ObjectNode bar = series.addObject().put("type", "bar").put("name", name).put("color", color)
                .put("stack", "runs");
        bar.putArray("data");
        return bar;
    }

    private static void point(ObjectNode series, Instant at, double value) {
        series.withArray("data").addArray().add(at.toString()).add(round(value));
    }

    /** Adds a dashed horizontal line with its own label and colour to a series' mark lines. */
    private static void markLine(ObjectNode series, double value, String label, String color) {
        ObjectNode mark = series.has("markLine") ? (ObjectNode) series.get("markLine")
                : series.putObject("markLine").put("symbol", "none").put("silent", true);
        ObjectNode line = mark.withArray("data").addObject().put("yAxis", value).put("name", label);
        line.putObject("label").put("formatter", label).put("position", "insideEndTop");
        line.putObject("lineStyle").put("type", "dashed").put("color", color);
    }

    /** The binary unit (index into UNITS) in which the largest value reads as at least 1. */
    private static int unit(double largest) {
        int unit = 0;
        while (unit < UNITS.length - 1 && largest >= 1024) {
            largest /= 1024;
            unit++;
        }
        return unit;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The chart titles, for tests and page outlines. */
    public List<String> titles(AuditResult audit) {
        return new ArrayList<>(charts(audit).keySet());
    }
}
