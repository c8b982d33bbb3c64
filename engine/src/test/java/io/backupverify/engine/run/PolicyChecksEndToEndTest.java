package io.backupverify.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.report.HtmlReport;
import io.backupverify.engine.report.JUnitReport;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.target.FixedUsageTarget;
import io.backupverify.engine.testing.DiskSize;
import io.backupverify.engine.testing.Plans;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three policy checks run through the verifier on real folders, from plan text to the JSON report. */
class PolicyChecksEndToEndTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = LocalDateTime.of(2026, 11, 26, 9, 0).atZone(BERLIN).toInstant();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @TempDir
    Path dir;

    private static String plan(String quota) {
        return """
                timezone: Europe/Berlin
                backupSets:
                  - name: nightly
                    target: { type: local, path: nightly }
                    layout: { kind: directory-per-backup, namePattern: "db-{yyyy-MM-dd}" }
                    checks:
                      freshness: { maxAge: 26h }
                      retention: { keepDaily: 7, keepWeekly: 4, minAge: 35d, maxAge: 60d, since: 2026-10-01 }
                      window: { start: "01:00", end: "05:00", maxDuration: 2h }
                      capacity: { quota: %s, warnAt: 80%%, failAt: 95%% }
                """.formatted(quota);
    }

    /** A nightly backup folder whose two files were written at the given local times. */
    private void nightly(LocalDate date, String firstWrite, String lastWrite) throws IOException {
        Path backup = Files.createDirectories(dir.resolve("nightly/db-" + date));
        write(backup.resolve("orders.sql"), date, firstWrite, 4000);
        write(backup.resolve("customers.sql"), date, lastWrite, 1000);
    }

    private static void write(Path file, LocalDate date, String localTime, int bytes) throws IOException {
        Files.write(file, new byte[bytes]);
        Instant written = LocalDateTime.of(date, java.time.LocalTime.parse(localTime)).atZone(BERLIN).toInstant();
        Files.setLastModifiedTime(file, FileTime.from(written));
    }

    private void history(LocalDate from) throws IOException {
        for (LocalDate date = from; !date.isAfter(TODAY); date = date.plusDays(1)) {
            nightly(date, "01:10", "02:05");
        }
    }

    private static CheckResult check(SetResult set, String id) {
        return set.checks().stream().filter(check -> check.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aHealthyHistoryPassesEveryPolicyCheck() throws Exception {
        history(TODAY.minusDays(40));
        SetResult set = Plans.runSet(plan("1PiB"), dir, NOW);
        assertThat(set.checks()).extracting(CheckResult::id)
                .containsExactly("freshness", "retention", "window", "capacity");
        assertThat(set.checks()).filteredOn(check -> !check.id().equals("capacity"))
                .allSatisfy(check -> assertThat(check.status()).as(check.toString()).isEqualTo(Status.PASS));
        assertThat(check(set, "window").metrics()).containsEntry("evaluated", 7)
                .containsEntry("latestDurationSeconds", 3300L);
        CheckResult capacity = check(set, "capacity");
        assertThat((Long) capacity.metrics().get("totalBytes")).as("a quota larger than the disk counts as the disk")
                .isCloseTo(DiskSize.asDfSeesIt(dir), org.assertj.core.data.Offset.offset(1L << 20));
        assertThat(capacity.metrics()).containsEntry("usageSource", "filesystem")
                .containsEntry("growthBytesPerDay", 5000L);
        double diskPercent = (Double) capacity.metrics().get("usedPercent");
        assertThat(capacity.status()).isEqualTo(diskPercent >= 95 ? Status.FAIL
                : diskPercent >= 80 ? Status.WARN : Status.PASS);
    }

    @Test
    void namesEveryBreach() throws Exception {
        history(TODAY.minusDays(70));
        deleteBackup(TODAY.minusDays(3));
        nightly(TODAY, "00:20", "03:10");
        SetResult set = Plans.runSet(plan("1KiB"), dir, NOW);

        CheckResult retention = check(set, "retention");
        assertThat(retention.status()).isEqualTo(Status.FAIL);
        assertThat(retention.findings()).extracting(Finding::message).contains("no daily backup for 2026-11-23")
                .contains("is 70d 10h old, older than maxAge 60d; it should have been deleted");

        CheckResult window = check(set, "window");
        assertThat(window.status()).isEqualTo(Status.FAIL);
        assertThat(window.findings()).extracting(Finding::item, Finding::message, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("db-2026-11-26", "started 2026-11-26 00:20, outside the window "
                        + "01:00-05:00 (Europe/Berlin)", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("db-2026-11-26", "ran 2h 50m, longer than maxDuration 2h",
                        Status.FAIL));
        assertThat(window.findings()).allSatisfy(finding -> assertThat(finding.advice()).contains("schedule"));

        CheckResult capacity = check(set, "capacity");
        assertThat(capacity.status()).isEqualTo(Status.FAIL);
        assertThat(capacity.findings().get(0).message()).contains("at or above failAt 95%");
        assertThat(set.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void theJsonReportKeepsThePolicyMetrics() throws Exception {
        history(TODAY.minusDays(40));
        deleteBackup(TODAY.minusDays(2));
        Plan plan = Plans.parse(plan("1000"), dir);
        VerifyOptions options = VerifyOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withRunNumber(7);
        RunResult run = new Verifier(set -> FixedUsageTarget.reporting(dir.resolve("nightly"), 820, 1000))
                .verify(plan, options);
        StringWriter json = new StringWriter();
        new JsonReport().write(run, json);
        RunResult read = new JsonReport().read(new StringReader(json.toString()));

        SetResult set = read.sets().get(0);
        CheckResult capacity = check(set, "capacity");
        assertThat(capacity.status()).isEqualTo(Status.WARN);
        assertThat(capacity.metrics()).containsKeys("usedBytes", "totalBytes", "usedPercent", "growthBytesPerDay",
                "daysUntilWarn", "daysUntilFull");
        assertThat(((Number) capacity.metrics().get("usedPercent")).doubleValue()).isEqualTo(82.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> tiers = (Map<String, Object>) check(set, "retention").metrics().get("tiers");
        assertThat(tiers).containsKeys("daily", "weekly");
        assertThat(check(set, "window").metrics()).containsKeys("durations", "latestDurationSeconds");

        StringWriter html = new StringWriter();
        new HtmlReport().write(run, html);
        assertThat(html.toString()).contains("no daily backup", "capacity", "usedBytes").hasSizeLessThan(200_000);
        StringWriter junit = new StringWriter();
        new JUnitReport().write(run, junit);
        assertThat(junit.toString()).contains("retention", "window", "capacity");
    }

    private void deleteBackup(LocalDate date) throws IOException {
        Path backup = dir.resolve("nightly/db-" + date);
        try (var files = Files.list(backup)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(backup);
    }
}
