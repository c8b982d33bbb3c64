package io.backupverify.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class PolicyPlanParsingTest {
    private static final String HEAD = """
            backupSets:
              - name: orders
                target: { type: local, path: /srv/backups }
                checks:
            """;

    private static Plan parse(String checks) throws PlanException {
        return new PlanParser().parse(HEAD + checks, "plan.yaml", Path.of("/plans"));
    }

    private static PlanException problem(String checks) {
        try {
            parse(checks);
        } catch (PlanException e) {
            return e;
        }
        throw new AssertionError("the plan was accepted");
    }

    @Test
    void readsAllThreePolicyChecks() throws PlanException {
        Plan plan = parse("""
                      retention: { keepDaily: 7, keepWeekly: 4, keepMonthly: 12, keepYearly: 3,
                                   minAge: 35d, maxAge: 1200d, since: 2024-03-01 }
                      window: { start: "01:00", end: "05:00", maxDuration: 3h, lookback: 2d, marker: run.json }
                      capacity: { quota: 2TiB, warnAt: 75%, failAt: 90%, growthWindow: 14d }
                """);
        ChecksSpec checks = plan.backupSets().get(0).checks();
        RetentionSpec retention = checks.retention();
        assertThat(retention.keepDaily()).isEqualTo(7);
        assertThat(retention.keepWeekly()).isEqualTo(4);
        assertThat(retention.keepMonthly()).isEqualTo(12);
        assertThat(retention.keepYearly()).isEqualTo(3);
        assertThat(retention.minAge().duration()).isEqualTo(Duration.ofDays(35));
        assertThat(retention.maxAge().duration()).isEqualTo(Duration.ofDays(1200));
        assertThat(retention.since().date()).isEqualTo(LocalDate.of(2024, 3, 1));
        WindowSpec window = checks.window();
        assertThat(window.start().time()).isEqualTo(LocalTime.of(1, 0));
        assertThat(window.end().time()).isEqualTo(LocalTime.of(5, 0));
        assertThat(window.maxDuration().duration()).isEqualTo(Duration.ofHours(3));
        assertThat(window.lookback().duration()).isEqualTo(Duration.ofDays(2));
        assertThat(window.marker()).isEqualTo("run.json");
        CapacitySpec capacity = checks.capacity();
        assertThat(capacity.quota().bytes()).isEqualTo(2L << 40);
        assertThat(capacity.warnAt().value()).isEqualTo(75);
        assertThat(capacity.failAt().value()).isEqualTo(90);
        assertThat(capacity.growthWindow().duration()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void appliesDefaults() throws PlanException {
        Plan plan = parse("""
                      retention: { keepDaily: 7 }
                      window: { maxDuration: 3h }
                      capacity: {}
                """);
        ChecksSpec checks = plan.backupSets().get(0).checks();
        assertThat(checks.retention().keepWeekly()).isZero();
        assertThat(checks.retention().since()).isNull();
        assertThat(checks.window().hasWindow()).isFalse();
        assertThat(checks.window().lookback().duration()).isEqualTo(Duration.ofDays(7));
        assertThat(checks.window().marker()).isEqualTo("backup-info.json");
        assertThat(checks.capacity().quota()).isNull();
        assertThat(checks.capacity().warnAt().value()).isEqualTo(80);
        assertThat(checks.capacity().failAt().value()).isEqualTo(95);
        assertThat(checks.capacity().growthWindow().duration()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void readsUnquotedTimesAndDates() throws PlanException {
        Plan plan = parse("""
                      retention: { keepDaily: 3, since: 2026-01-31 }
                      window: { start: 22:30, end: 04:00 }
                """);
        ChecksSpec checks = plan.backupSets().get(0).checks();
        assertThat(checks.retention().since().date()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(checks.window().start().time()).isEqualTo(LocalTime.of(22, 30));
        assertThat(checks.window().end().time()).isEqualTo(LocalTime.of(4, 0));
    }

    @Test
    void rejectsAnHourPastTheDay() {
        PlanException e = problem("""
                      window:
                        start: "25:00"
                        end: "05:00"
                """);
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.key()).isEqualTo("backupSets[0].checks.window.start");
        assertThat(e.getMessage()).startsWith("plan.yaml:6:").contains("'25:00' is not a time of day");
    }

    @Test
    void rejectsMinutesPastTheHour() {
        assertThat(problem("      window: { start: \"01:60\", end: \"05:00\" }\n").getMessage())
                .contains("window.start").contains("'01:60' is not a time of day");
    }

    @Test
    void rejectsAWindowWithOnlyAStart() {
        PlanException e = problem("""
                      window:
                        start: "01:00"
                        maxDuration: 2h
                """);
        assertThat(e.key()).isEqualTo("backupSets[0].checks.window.end");
        assertThat(e.problem()).contains("needs both start and end");
        assertThat(e.line()).isEqualTo(5);
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThat(problem("      window: { start: \"01:00\", end: \"01:00\" }\n").problem())
                .contains("end equals start");
        assertThat(problem("      window: { lookback: 3d }\n").problem())
                .contains("window needs start and end, or maxDuration");
    }

    @Test
    void rejectsAMarkerPath() {
        PlanException e = problem("      window: { maxDuration: 1h, marker: ../info.json }\n");
        assertThat(e.key()).isEqualTo("backupSets[0].checks.window.marker");
        assertThat(e.problem()).contains("plain file name");
    }

    @Test
    void rejectsWarnAtAboveFailAt() {
        PlanException e = problem("""
                      capacity:
                        quota: 2TiB
                        warnAt: 96%
                """);
        assertThat(e.key()).isEqualTo("backupSets[0].checks.capacity.warnAt");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.problem()).isEqualTo("warnAt 96% is above failAt 95%; warnAt must not exceed failAt");
    }

    @Test
    void acceptsWarnAtEqualToFailAt() throws PlanException {
        assertThat(parse("      capacity: { warnAt: 90%, failAt: 90% }\n").backupSets().get(0).checks().capacity()
                .failAt().value()).isEqualTo(90);
    }

    @Test
    void readsAPlainNumberQuotaAsBytes() throws PlanException {
        assertThat(parse("      capacity: { quota: 1048576 }\n").backupSets().get(0).checks().capacity().quota()
                .bytes()).isEqualTo(1_048_576);
        assertThat(problem("      capacity: { quota: -5 }\n").problem()).isEqualTo("a size cannot be negative");
    }

    @Test
    void rejectsSharesOutOfRange() {
        assertThat(problem("      capacity: { failAt: 120% }\n").problem()).isEqualTo(
                "failAt must be more than 0% and at most 100%");
        assertThat(problem("      capacity: { warnAt: 0% }\n").key()).endsWith("capacity.warnAt");
        assertThat(problem("      capacity: { quota: 0 }\n").problem()).contains("quota must be more than 0");
        assertThat(problem("      capacity: { quota: lots }\n").problem()).contains("'lots' is not a size");
    }

    @Test
    void rejectsNegativeCounts() {
        PlanException e = problem("""
                      retention:
                        keepDaily: 7
                        keepMonthly: -1
                """);
        assertThat(e.key()).isEqualTo("backupSets[0].checks.retention.keepMonthly");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.problem()).startsWith("a count cannot be negative");
    }

    @Test
    void rejectsAbsurdCounts() {
        assertThat(problem("      retention: { keepDaily: 1000000 }\n").problem()).contains("more than the 100000");
    }

    @Test
    void rejectsARetentionThatAsksForNothing() {
        assertThat(problem("      retention: { keepDaily: 0 }\n").problem())
                .startsWith("retention needs at least one of keepDaily");
    }

    @Test
    void rejectsMinAgeAboveMaxAge() {
        PlanException e = problem("      retention: { minAge: 400d, maxAge: 35d }\n");
        assertThat(e.key()).endsWith("retention.minAge");
        assertThat(e.problem()).contains("minAge 400d is more than maxAge 35d");
    }

    @Test
    void rejectsATierThatMaxAgeMakesImpossible() {
        PlanException e = problem("      retention: { keepMonthly: 12, maxAge: 90d }\n");
        assertThat(e.key()).endsWith("retention.keepMonthly");
        assertThat(e.problem()).contains("keepMonthly 12 needs backups at least 280 days old")
                .contains("contradicts itself");
    }

    @Test
    void rejectsUnknownKeysInPolicyChecks() {
        PlanException e = problem("      retention: { keepDayly: 7 }\n");
        assertThat(e.problem()).startsWith("unknown key 'keepDayly'").contains("keepDaily");
        assertThat(e.line()).isEqualTo(5);
    }

    @Test
    void rejectsABadSinceDate() {
        assertThat(problem("      retention: { keepDaily: 7, since: 2026-02-30 }\n").problem())
                .contains("'2026-02-30' is not a date");
    }

    @Test
    void rejectsATextCount() {
        assertThat(problem("      retention: { keepDaily: seven }\n").key()).endsWith("retention.keepDaily");
    }
}
