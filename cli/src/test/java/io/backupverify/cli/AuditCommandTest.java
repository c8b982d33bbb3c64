package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    @TempDir
    Path dir;

    private Path plan(String audit) throws Exception {
        Path backup = dir.resolve("backups/orders-2026-01-01");
        Files.createDirectories(backup);
        byte[] content = "orders".getBytes(StandardCharsets.UTF_8);
        Files.write(backup.resolve("orders.dump"), content);
        Files.writeString(backup.resolve("SHA256SUMS"), HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(content)) + "  orders.dump\n");
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                backupSets:
                  - name: orders
                    target: { type: local, path: backups }
                    layout: { kind: directory-per-backup, namePattern: "orders-{yyyy-MM-dd}" }
                    checks:
                      integrity: { manifest: SHA256SUMS }
                """ + audit);
        return plan;
    }

    @Test
    void verifyRecordsAndAuditReportsFromTheHistory() throws Exception {
        Path plan = plan("audit: { inventory: [orders, crm-export] }\n");
        Path history = dir.resolve("history");

        CommandRunner verify = CommandRunner.run("verify", plan.toString(), "--history", history.toString(),
                "--html", dir.resolve("report.html").toString());
        assertThat(verify.exitCode()).isZero();
        try (Stream<Path> runs = Files.list(history.resolve("runs"))) {
            assertThat(runs.count()).isEqualTo(1);
        }
        assertThat(Files.readString(dir.resolve("report.html"))).contains("Trends over the last 30d")
                .contains("echarts");

        Path json = dir.resolve("audit.json");
        CommandRunner audit = CommandRunner.run("audit", plan.toString(), "--history", history.toString(), "--json",
                json.toString(), "--html", dir.resolve("audit.html").toString(), "--junit",
                dir.resolve("audit.xml").toString());

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(ExitCodes.FAIL);
        assertThat(audit.out()).contains("CRITICAL The critical system crm-export has no backup set in the plan")
                .contains("Every one of the 1 listed files of orders was read and verified within the last 30d.");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.path("schema").asText()).isEqualTo("backup-verify/audit/v1");
        assertThat(root.path("successRate").path("overall").path("ratePercent").asDouble()).isEqualTo(100.0);
        assertThat(root.path("findings").get(0).path("escalation").asText()).isEqualTo("on-call engineer, now");
        assertThat(Files.readString(dir.resolve("audit.html"))).contains("Compliance control mapping")
                .contains("CP-9(1)");
        assertThat(Files.readString(dir.resolve("audit.xml"))).contains("<failure");
    }

    @Test
    void restoreTestsRecordedWithHistoryMeetTheAuditsCadence() throws Exception {
        Path plan = plan("""
                    restoreTest:
                      rto: 10m
                      restore: { kind: files }
                      validate: [ { checksums: SHA256SUMS } ]
                audit: { restoreTests: { atLeast: 1, per: 30d } }
                """);
        String history = dir.resolve("history").toString();
        assertThat(CommandRunner.run("verify", plan.toString(), "--history", history).exitCode()).isZero();

        CommandRunner before = CommandRunner.run("audit", plan.toString(), "--history", history);
        assertThat(before.exitCode()).as(before.out()).isEqualTo(ExitCodes.FAIL);
        assertThat(before.out()).contains("1 verify runs, 0 restore-test runs")
                .contains("CRITICAL orders had 0 restore tests in the last 30d; the plan requires at least 1");

        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        CommandRunner restore = CommandRunner.run("restore-test", plan.toString(), "--history", history,
                "--scratch", scratch.toString());
        assertThat(restore.exitCode()).as(restore.out() + restore.err()).isZero();
        try (Stream<Path> runs = Files.list(dir.resolve("history/runs"))) {
            assertThat(runs.map(run -> run.getFileName().toString())).hasSize(2)
                    .anyMatch(name -> name.contains("-restore-test-"));
        }

        CommandRunner after = CommandRunner.run("audit", plan.toString(), "--history", history);
        assertThat(after.exitCode()).as(after.out()).isZero();
        assertThat(after.out()).contains("1 verify runs, 1 restore-test runs").doesNotContain("restore tests in the");
    }

    @Test
    void anAuditOfAnEmptyHistoryIsAnError() throws Exception {
        Path plan = plan("");
        Files.createDirectories(dir.resolve("history"));

        CommandRunner audit = CommandRunner.run("audit", plan.toString(), "--history", dir.resolve("history").toString());

        assertThat(audit.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(audit.out()).contains("No verify run of this plan was recorded");
    }

    @Test
    void badAuditKeysAndMissingHistoryAreUsageErrors() throws Exception {
        Path plan = plan("audit: { successRate: { minimum: 98% } }\n");

        CommandRunner bad = CommandRunner.run("audit", plan.toString(), "--history", dir.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("audit.successRate.minimum").contains("unknown key 'minimum'");

        CommandRunner missing = CommandRunner.run("audit", plan("").toString(), "--history",
                dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no such folder");

        Files.writeString(dir.resolve("afile"), "x");
        CommandRunner file = CommandRunner.run("verify", plan("").toString(), "--history", dir.resolve("afile").toString());
        assertThat(file.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(file.err()).contains("is a file");
    }
}
