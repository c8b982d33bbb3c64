package io.backupverify.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.LatestBackup;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    private final JsonReport report = new JsonReport();

    static RunResult sample() {
        CheckResult integrity = CheckResult.builder("integrity")
                .finding(Finding.fail("data/x.bin", "digest differs from the manifest"))
                .finding(Finding.warn("extra.txt", "not listed in the manifest"))
                .summary("1 of 3 files changed").metric("verifiedFiles", 3).metric("verifiedBytes", 3_000_000_000L)
                .metric("ratio", 0.5).metric("slices", List.of(1, 2)).build().withDuration(1234);
        CheckResult freshness = CheckResult.builder("freshness").summary("fresh").metric("ageSeconds", 60L).build();
        SetResult orders = new SetResult("orders \"db\" <main>", "local:/srv/orders",
                new LatestBackup("orders-2026-11-26", Instant.parse("2026-11-26T01:00:00Z"), 3, 3_000_000_000L), 7,
                List.of(freshness, integrity));
        SetResult empty = new SetResult("empty", "local:/srv/empty", null, 0,
                List.of(CheckResult.error("freshness", "cannot list the target: no such file or folder: /srv/empty")));
        return new RunResult("plan.yaml", 42, Instant.parse("2026-11-26T12:00:00Z"),
                Instant.parse("2026-11-26T12:00:02.500Z"), List.of(orders, empty));
    }

    @Test
    void writesTheDocumentedFields() throws IOException {
        StringWriter out = new StringWriter();
        report.write(sample(), out);

        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.path("schema").asText()).isEqualTo("backup-verify/report/v1");
        assertThat(root.path("status").asText()).isEqualTo("ERROR");
        assertThat(root.path("runNumber").asLong()).isEqualTo(42);
        assertThat(root.path("durationMs").asLong()).isEqualTo(2500);
        assertThat(root.path("tool").path("name").asText()).isEqualTo("backup-verify");
        assertThat(root.path("counts").path("checks").path("FAIL").asInt()).isEqualTo(1);
        assertThat(root.path("counts").path("sets").path("ERROR").asInt()).isEqualTo(1);
        JsonNode set = root.path("backupSets").get(0);
        assertThat(set.path("name").asText()).isEqualTo("orders \"db\" <main>");
        assertThat(set.path("status").asText()).isEqualTo("FAIL");
        assertThat(set.path("latestBackup").path("time").asText()).isEqualTo("2026-11-26T01:00:00Z");
        assertThat(set.path("latestBackup").path("bytes").asLong()).isEqualTo(3_000_000_000L);
        JsonNode check = set.path("checks").get(1);
        assertThat(check.path("id").asText()).isEqualTo("integrity");
        assertThat(check.path("durationMs").asLong()).isEqualTo(1234);
        assertThat(check.path("findings").get(0).path("severity").asText()).isEqualTo("FAIL");
        assertThat(check.path("findings").get(0).path("item").asText()).isEqualTo("data/x.bin");
        assertThat(check.path("metrics").path("verifiedBytes").asLong()).isEqualTo(3_000_000_000L);
        assertThat(root.path("backupSets").get(1).path("latestBackup").isNull()).isTrue();
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        RunResult original = sample();

        RunResult read = report.read(new StringReader(report.toString(original)));

        assertThat(read.status()).isEqualTo(Status.ERROR);
        assertThat(read.runNumber()).isEqualTo(42);
        assertThat(read.startedAt()).isEqualTo(original.startedAt());
        assertThat(read.sets()).hasSize(2);
        SetResult set = read.sets().get(0);
        assertThat(set.name()).isEqualTo(original.sets().get(0).name());
        assertThat(set.latestBackup()).isEqualTo(original.sets().get(0).latestBackup());
        assertThat(set.backupCount()).isEqualTo(7);
        CheckResult integrity = set.checks().get(1);
        assertThat(integrity.status()).isEqualTo(Status.FAIL);
        assertThat(integrity.findings()).isEqualTo(original.sets().get(0).checks().get(1).findings());
        assertThat(integrity.metrics()).containsEntry("verifiedFiles", 3).containsEntry("ratio", 0.5)
                .containsEntry("slices", List.of(1, 2));
        assertThat(((Number) integrity.metrics().get("verifiedBytes")).longValue()).isEqualTo(3_000_000_000L);
        assertThat(integrity.durationMs()).isEqualTo(1234);
        assertThat(read.sets().get(1).latestBackup()).isNull();
        assertThat(report.toString(read)).isEqualTo(report.toString(original));
    }

    @Test
    void refusesWhatIsNotAReport() {
        assertThatThrownBy(() -> report.read(new StringReader("{\"schema\":\"other\"}")))
                .hasMessageContaining("not a backup-verify/report/v1 report");
        assertThatThrownBy(() -> report.read(new StringReader("not json")))
                .hasMessageContaining("not a JSON report");
        assertThatThrownBy(() -> report.read(new StringReader(
                "{\"schema\":\"backup-verify/report/v1\",\"backupSets\":[{\"name\":\"x\"}]}")))
                .hasMessageContaining("malformed report");
    }

    @Test
    void aRunWithoutSetsIsAnError() {
        RunResult nothing = new RunResult("p", 1, Instant.EPOCH, Instant.EPOCH, List.of());

        assertThat(nothing.status()).isEqualTo(Status.ERROR);
        assertThat(nothing.setCounts()).isEqualTo(Map.of(Status.PASS, 0, Status.WARN, 0, Status.FAIL, 0,
                Status.ERROR, 0));
    }
}
