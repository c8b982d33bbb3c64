package io.backupverify.engine.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupverify.engine.audit.AuditResult;
import io.backupverify.engine.audit.Auditor;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.CheckRecord;
import io.backupverify.engine.history.HistoryRead;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.SetRecord;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanParser;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChartsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static AuditResult audit() throws Exception {
        Plan plan = new PlanParser().parse("""
                backupSets:
                  - name: "db</script><b>"
                    target: { type: local, path: /b }
                    checks: { capacity: {} }
                audit: { restoreTests: { atLeast: 1, rto: 10m } }
                """, "plan.yaml", Path.of("/tmp"));
        List<RunRecord> runs = new ArrayList<>();
        for (int day = 1; day <= 10; day++) {
            Instant at = NOW.minus(Duration.ofDays(30 - day));
            runs.add(new RunRecord(RunKind.VERIFY, "plan.yaml", day, at, at.plusSeconds(5), Status.PASS,
                    List.of(new SetRecord("db</script><b>", "local:/b", Status.PASS, null, List.of(
                            new CheckRecord("capacity", Status.PASS, 1, "", Map.of("usedBytes", 100L * day,
                                    "totalBytes", 2000L)))))));
        }
        runs.add(new RunRecord(RunKind.RESTORE_TEST, "plan.yaml", 1, NOW.minusSeconds(3600), NOW, Status.PASS,
                List.of(new SetRecord("db</script><b>", "x", Status.PASS, null, List.of(new CheckRecord("restore",
                        Status.PASS, 1, "", Map.of("totalMs", 120_000L)))))));
        return new Auditor().audit(plan, new HistoryRead(runs, List.of()), null, NOW);
    }

    @Test
    void chartsCapacityWithItsForecastAndMarksAndRestoreTimesAgainstTheRto() throws Exception {
        Map<String, ObjectNode> charts = new AuditCharts().charts(audit());

        assertThat(charts).containsOnlyKeys("Success rate per backup set", "Capacity and forecast",
                "Restore time against RTO");
        JsonNode capacity = charts.get("Capacity and forecast");
        assertThat(capacity.at("/series/0/data")).hasSize(10);
        assertThat(capacity.at("/series/0/data/9/1").asDouble()).isEqualTo(50.0);
        assertThat(capacity.at("/series/0/markLine/data/0/yAxis").asDouble()).isEqualTo(80.0);
        assertThat(capacity.at("/series/0/markLine/data/1/yAxis").asDouble()).isEqualTo(100.0);
        assertThat(capacity.at("/series/1/lineStyle/type").asText()).isEqualTo("dashed");
        JsonNode restore = charts.get("Restore time against RTO");
        assertThat(restore.at("/series/0/data/0/1").asDouble()).isEqualTo(2.0);
        assertThat(restore.at("/series/0/markLine/data/0/yAxis").asDouble()).isEqualTo(10.0);
        assertThat(restore.at("/yAxis/max").asDouble()).isEqualTo(11.0);
    }

    @Test
    void setsWithTheSameRtoShareOneLabelledLineAndLongSetNamesAreSlanted() throws Exception {
        List<String> names = List.of("orders-db-primary", "orders-db-offsite", "customer-files-export");
        StringBuilder yaml = new StringBuilder("backupSets:\n");
        names.forEach(name -> yaml.append("  - name: ").append(name).append("\n    target: { type: local, path: /b }\n")
                .append("    checks: { freshness: { maxAge: 1d } }\n"));
        yaml.append("audit: { restoreTests: { atLeast: 1, rto: 10m } }\n");
        Plan plan = new PlanParser().parse(yaml.toString(), "plan.yaml", Path.of("/tmp"));
        List<RunRecord> runs = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            Instant at = NOW.minus(Duration.ofDays(10 - day));
            runs.add(new RunRecord(RunKind.VERIFY, "plan.yaml", day, at, at.plusSeconds(5), Status.PASS,
                    names.stream().map(name -> new SetRecord(name, "local:/b", Status.PASS, null, List.of(
                            new CheckRecord("freshness", Status.PASS, 1, "", Map.of())))).toList()));
            runs.add(new RunRecord(RunKind.RESTORE_TEST, "plan.yaml", day, at, at.plusSeconds(60), Status.PASS,
                    names.subList(0, 2).stream().map(name -> new SetRecord(name, "local:/b", Status.PASS, null,
                            List.of(new CheckRecord("restore", Status.PASS, 1, "", Map.of("totalMs", 60_000L)))))
                            .toList()));
        }
        Map<String, ObjectNode> charts = new AuditCharts().charts(new Auditor().audit(plan,
                new HistoryRead(runs, List.of()), null, NOW));

        JsonNode restore = charts.get("Restore time against RTO");
        assertThat(restore.at("/series")).hasSize(2);
        assertThat(restore.at("/series/0/markLine/data")).hasSize(1);
        assertThat(restore.at("/series/0/markLine/data/0/label/formatter").asText())
                .isEqualTo("RTO orders-db-primary, orders-db-offsite");
        assertThat(restore.at("/series/1/markLine").isMissingNode()).isTrue();
        JsonNode rate = charts.get("Success rate per backup set");
        assertThat(rate.at("/xAxis/data")).hasSize(3);
        assertThat(rate.at("/xAxis/axisLabel/rotate").asInt()).isEqualTo(30);
        assertThat(new AuditCharts().charts(audit()).get("Success rate per backup set")
                .at("/xAxis/axisLabel/rotate").asInt()).as("one short name stays level").isZero();
    }

    @Test
    void theHtmlReportInlinesTheScriptAndNoNameCanEndIt() throws Exception {
        StringWriter html = new StringWriter();
        new AuditHtmlReport().write(audit(), html);

        String page = html.toString();
        assertThat(page).contains("<script type=\"application/json\" id=\"chart-data\">")
                .contains("echarts.init(").doesNotContain("src=\"http").doesNotContain("<b>")
                .contains("db&lt;/script&gt;&lt;b&gt;");
        String data = page.substring(page.indexOf("id=\"chart-data\">"), page.indexOf("</script>",
                page.indexOf("id=\"chart-data\">")));
        assertThat(data).contains("db\\u003c/script>\\u003cb>");
        assertThat(page.split("</script>", -1)).hasSize(4);
    }
}
