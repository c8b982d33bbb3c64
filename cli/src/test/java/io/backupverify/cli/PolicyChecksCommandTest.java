package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention, window and capacity checks run from the command on real folders. */
class PolicyChecksCommandTest {
    @TempDir
    Path dir;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void aSetThatKeepsItsPolicyPassesAndTheJsonReportKeepsTheMetrics() throws IOException {
        for (int daysAgo = 9; daysAgo >= 0; daysAgo--) {
            nightly(today.minusDays(daysAgo), "01:10", "01:50");
        }
        Path json = dir.resolve("report.json");

        CommandRunner result = CommandRunner.run("verify", plan("1PiB").toString(), "--json", json.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("Backup verification: PASS");
        JsonNode checks = new ObjectMapper().readTree(json.toFile()).path("backupSets").get(0).path("checks");
        assertThat(checks).extracting(check -> check.path("id").asText())
                .containsExactly("freshness", "retention", "window", "capacity");
        JsonNode retention = checks.get(1).path("metrics");
        assertThat(retention.path("tiers").path("daily").path("covered").asInt()).isEqualTo(7);
        assertThat(retention.path("backups").asInt()).isEqualTo(10);
        JsonNode window = checks.get(2).path("metrics");
        assertThat(window.path("latestDurationSeconds").asLong()).isEqualTo(2400);
        assertThat(window.path("durations")).hasSize(7);
        assertThat(window.path("durations").get(0).path("source").asText()).isEqualTo("marker");
        JsonNode capacity = checks.get(3).path("metrics");
        assertThat(capacity.path("totalBytes").asLong()).as("a quota larger than the disk counts as the disk")
                .isCloseTo(sizeAsDfSeesIt(dir), org.assertj.core.data.Offset.offset(1L << 20));
        assertThat(capacity.path("usedBytes").asLong()).isPositive();
        assertThat(capacity.path("usedPercent").isNumber()).isTrue();
        assertThat(capacity.has("growthBytesPerDay")).isTrue();
        assertThat(capacity.has("daysUntilWarn")).isTrue();
        assertThat(capacity.has("daysUntilFull")).isTrue();
    }

    @Test
    void breachesFailWithExitCodeTwoAndAreNamed() throws IOException {
        for (int daysAgo = 9; daysAgo >= 1; daysAgo--) {
            if (daysAgo != 3) {
                nightly(today.minusDays(daysAgo), "01:10", "01:50");
            }
        }
        nightly(today, "06:00", "06:30");

        CommandRunner result = CommandRunner.run("verify", plan("1KiB").toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.out()).contains("Backup verification: FAIL")
                .contains("orders-db / retention: FAIL").contains("no daily backup for " + today.minusDays(3))
                .contains("orders-db / window: FAIL")
                .contains("started " + today + " 06:00 and ended " + today + " 06:30, outside the window "
                        + "01:00-05:00 (UTC)")
                .contains("orders-db / capacity: FAIL").contains("at or above failAt 100%");
    }

    @Test
    void aBadWindowTimeIsExitCode64WithItsLine() throws IOException {
        Path plan = plan("1PiB");
        Files.writeString(plan, Files.readString(plan).replace("\"01:00\"", "\"25:00\""));

        CommandRunner result = CommandRunner.run("validate", plan.toString());

        assertThat(result.exitCode()).isEqualTo(64);
        assertThat(result.err()).contains(plan + ":8:").contains("backupSets[0].checks.window.start")
                .contains("'25:00' is not a time of day").doesNotContain("Exception");
    }

    /** A backup folder for a date whose marker says it ran between two UTC times of that day. */
    private void nightly(LocalDate date, String start, String end) throws IOException {
        Path backup = Files.createDirectories(dir.resolve("backups/orders-" + date));
        Files.writeString(backup.resolve("orders.dump"), "data for " + date);
        Files.writeString(backup.resolve("backup-info.json"), """
                { "start": "%sT%s:00Z", "end": "%sT%s:00Z" }
                """.formatted(date, start, date, end));
    }

    private Path plan(String quota) throws IOException {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                backupSets:
                  - name: orders-db
                    target: { type: local, path: backups }
                    layout: { kind: directory-per-backup, namePattern: "orders-{yyyy-MM-dd}" }
                    checks:
                      freshness: { maxAge: 2d }
                      retention: { keepDaily: 7, keepWeekly: 1, minAge: 5d, maxAge: 30d }
                      window:    { start: "01:00", end: "05:00", maxDuration: 1h }
                      capacity:  { quota: %s, warnAt: 99.9%%, failAt: 100%% }
                """.formatted(quota));
        return plan;
    }

    /** Used plus available to an unprivileged writer: the size df reports percentages against. */
    private static long sizeAsDfSeesIt(Path dir) throws java.io.IOException {
        java.nio.file.FileStore store = Files.getFileStore(dir);
        return store.getTotalSpace() - (store.getUnallocatedSpace() - store.getUsableSpace());
    }
}
