package io.backupverify.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.CheckRecord;
import io.backupverify.engine.history.HistoryRead;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.RunRecords;
import io.backupverify.engine.history.SetRecord;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditorTest {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant START = NOW.minus(Duration.ofDays(30));
    private static final long TIB = 1L << 40;

    static Plan plan(String audit) throws PlanException {
        return new PlanParser().parse("""
                backupSets:
                  - name: orders-db
                    target: { type: local, path: /b/orders }
                    checks: { freshness: { maxAge: 26h }, capacity: { warnAt: 80% } }
                  - name: web-assets
                    target: { type: local, path: /b/web }
                    checks: { freshness: { maxAge: 26h } }
                """ + audit, "plan.yaml", Path.of("/tmp"));
    }

    static RunRecord verify(Instant at, SetRecord... sets) {
        Status worst = Status.worstOf(List.of(sets).stream().map(SetRecord::status).toList(), Status.ERROR);
        return new RunRecord(RunKind.VERIFY, "plan.yaml", 1, at, at.plusSeconds(60), worst, List.of(sets));
    }

    static SetRecord set(String name, Status status, CheckRecord... checks) {
        return new SetRecord(name, "local:/b/" + name, status, null, List.of(checks));
    }

    static CheckRecord check(String id, Status status, Map<String, Object> values) {
        return new CheckRecord(id, status, 5, status == Status.PASS ? "" : id + " said no", values);
    }

    static AuditResult audit(Plan plan, List<RunRecord> runs) {
        return new Auditor().audit(plan, new HistoryRead(runs, List.of()), null, NOW);
    }

    @Test
    void successRateCountsPassAndWarnAsSuccessAndShowsTheWarnShare() throws PlanException {
        List<RunRecord> runs = new ArrayList<>();
        // 40 runs: orders-db 30 PASS, 6 WARN, 3 FAIL, 1 ERROR; web-assets 40 PASS
        for (int i = 0; i < 40; i++) {
            Status status = i < 30 ? Status.PASS : i < 36 ? Status.WARN : i < 39 ? Status.FAIL : Status.ERROR;
            runs.add(verify(START.plus(Duration.ofHours(12L * i + 1)),
                    set("orders-db", status, check("freshness", status, Map.of())),
                    set("web-assets", Status.PASS, check("freshness", Status.PASS, Map.of()))));
        }

        AuditResult result = audit(plan(""), runs);

        SetSuccess orders = result.successRates().get(0);
        assertThat(orders.runs()).isEqualTo(40);
        assertThat(orders.successes()).isEqualTo(36);
        assertThat(orders.ratePercent()).isEqualTo(90.0);
        assertThat(orders.warnSharePercent()).isEqualTo(15.0);
        assertThat(result.overall().runs()).isEqualTo(80);
        assertThat(result.overall().ratePercent()).isEqualTo(95.0);
        assertThat(result.overall().warnSharePercent()).isEqualTo(7.5);
        assertThat(result.findings()).filteredOn(f -> f.area().equals("success-rate"))
                .extracting(AuditFinding::subject, AuditFinding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("orders-db", Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple(SuccessReview.OVERALL, Severity.WARNING));
        AuditFinding rate = result.findings().stream().filter(f -> f.area().equals("success-rate")).findFirst()
                .orElseThrow();
        assertThat(rate.title()).isEqualTo("Success rate of orders-db is 90%, below the required 98%");
        assertThat(rate.evidence().get(0)).isEqualTo("36 of 40 set-runs successful (30 PASS, "
                + "6 WARN = 15% WARN share; 3 FAIL, 1 ERROR)");
        assertThat(result.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void recurringFailuresAreGroupedBySetAndCheck() throws PlanException {
        List<RunRecord> runs = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            Status integrity = day == 2 || day == 5 || day == 9 ? Status.FAIL : Status.PASS;
            Status window = day == 3 || day == 4 ? Status.ERROR : Status.PASS;
            runs.add(verify(START.plus(Duration.ofDays(day)).plusSeconds(3600),
                    set("orders-db", integrity.worst(window), check("integrity", integrity, Map.of()),
                            check("window", window, Map.of())),
                    set("web-assets", day == 7 ? Status.FAIL : Status.PASS,
                            check("integrity", day == 7 ? Status.FAIL : Status.PASS, Map.of()))));
        }

        AuditResult result = audit(plan(""), runs);

        assertThat(result.recurringFailures()).hasSize(2);
        RecurringFailure integrity = result.recurringFailures().get(0);
        assertThat(integrity.set()).isEqualTo("orders-db");
        assertThat(integrity.check()).isEqualTo("integrity");
        assertThat(integrity.count()).isEqualTo(3);
        assertThat(integrity.runs()).isEqualTo(10);
        assertThat(integrity.firstSeen()).isEqualTo(START.plus(Duration.ofDays(2)).plusSeconds(3600));
        assertThat(integrity.lastSeen()).isEqualTo(START.plus(Duration.ofDays(9)).plusSeconds(3600));
        assertThat(integrity.stillFailing()).isTrue();
        assertThat(integrity.lastSummary()).isEqualTo("integrity said no");
        RecurringFailure window = result.recurringFailures().get(1);
        assertThat(window.check()).isEqualTo("window");
        assertThat(window.count()).isEqualTo(2);
        assertThat(window.worst()).isEqualTo(Status.ERROR);
        assertThat(window.stillFailing()).isFalse();
        assertThat(result.findings()).filteredOn(f -> f.area().equals("recurring-failure"))
                .extracting(AuditFinding::severity).containsExactly(Severity.CRITICAL, Severity.WARNING);
        // a single failure is not recurring; web-assets' latest run passed, so it is no finding of its own (its
        // runs stopped 20 days before the end of the period, which is one)
        assertThat(result.findings()).noneMatch(f -> f.subject().equals("web-assets")
                && !f.area().equals("success-rate") && !f.area().equals("cadence"));
        assertThat(result.findings().get(0).controls()).contains("CP-9(1)", "A1.3");
        assertThat(result.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void forecastsCapacityFromAKnownLinearSeries() throws PlanException {
        // 10 GiB per day from 40% of 1 TiB at day 1: used = 0.4 TiB + 10 GiB * (day - 1)
        long gib = 1L << 30;
        List<RunRecord> runs = new ArrayList<>();
        for (int day = 1; day <= 20; day++) {
            long used = (long) (0.4 * TIB) + 10 * gib * (day - 1);
            runs.add(verify(START.plus(Duration.ofDays(day)), set("orders-db", Status.PASS,
                    check("capacity", Status.PASS, Map.of("usedBytes", used, "totalBytes", TIB)))));
        }

        AuditResult result = audit(plan(""), runs);

        CapacityTrend trend = result.capacity().get(0);
        assertThat(trend.fit().slope()).isCloseTo(10.0 * gib, within(1.0));
        assertThat(trend.fit().r2()).isCloseTo(1.0, within(1e-9));
        // 80% of 1 TiB = 819.2 GiB; from 409.6 GiB at day 1 that is 40.96 days of 10 GiB later: day 41.96
        Instant warn = START.plus(Duration.ofMillis(Math.round(41.96 * 86_400_000)));
        assertThat(trend.warnDate()).isBetween(warn.minusSeconds(2), warn.plusSeconds(2));
        // 100% = 1024 GiB: 61.44 days after day 1
        Instant full = START.plus(Duration.ofMillis(Math.round(62.44 * 86_400_000)));
        assertThat(trend.fullDate()).isBetween(full.minusSeconds(2), full.plusSeconds(2));
        assertThat(trend.latestPercent()).isCloseTo(100.0 * (0.4 * TIB + 190.0 * gib) / TIB, within(1e-6));
        assertThat(trend.forecast()).contains("growing 10.0 GiB per day").contains("fit good").contains("80% around "
                + AuditText.day(warn)).contains("100% around " + AuditText.day(full));
        // 80% is forecast within the next period (before 2026-12-31), 100% after it
        assertThat(result.findings()).filteredOn(f -> f.area().equals("capacity-forecast"))
                .extracting(AuditFinding::severity, AuditFinding::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.WARNING,
                        "local:/b/orders-db is forecast to reach 80% around " + AuditText.day(warn)));
    }

    @Test
    void aForecastFromTooFewPointsSaysSoInsteadOfADate() throws PlanException {
        List<RunRecord> runs = new ArrayList<>();
        for (int day = 1; day <= 4; day++) {
            runs.add(verify(START.plus(Duration.ofDays(day)), set("orders-db", Status.PASS,
                    check("capacity", Status.PASS, Map.of("usedBytes", day * 100L, "totalBytes", 1000L)))));
        }

        CapacityTrend trend = audit(plan(""), runs).capacity().get(0);

        assertThat(trend.warnDate()).isNull();
        assertThat(trend.fullDate()).isNull();
        assertThat(trend.fit()).isNull();
        assertThat(trend.forecast()).startsWith("too few points for a forecast (4 measurements over 3.0 days");
    }

    @Test
    void capacityAboveWarnAtAndForecastFullWithinThePeriodAreFindings() throws PlanException {
        // day d of the period (20..29): used = 610 + 10 d of 1000, so 100% at day 39 = 2026-12-10
        List<RunRecord> runs = new ArrayList<>();
        for (int day = 1; day <= 10; day++) {
            runs.add(verify(START.plus(Duration.ofDays(day + 19)), set("orders-db", Status.PASS,
                    check("capacity", Status.PASS, Map.of("usedBytes", 800L + 10L * day, "totalBytes", 1000L)))));
        }

        AuditResult result = audit(plan(""), runs);

        assertThat(result.findings()).filteredOn(f -> f.area().equals("capacity-forecast"))
                .extracting(AuditFinding::severity, AuditFinding::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL,
                        "local:/b/orders-db is forecast to be full around 2026-12-10"),
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING,
                                "local:/b/orders-db is 90% full, above the audit's 80%"));
    }

    @Test
    void inventoryGapsAreCriticalFindings() throws PlanException {
        Plan plan = plan("audit: { inventory: [orders-db, web-assets, crm-export] }\n");
        List<RunRecord> runs = List.of(
                verify(START.plusSeconds(3600), set("orders-db", Status.FAIL, check("freshness", Status.FAIL,
                        Map.of()))),
                verify(START.plusSeconds(7200), set("orders-db", Status.ERROR, check("freshness", Status.ERROR,
                        Map.of()))));

        AuditResult result = audit(plan, runs);

        assertThat(result.inventory()).extracting(InventoryItem::system, InventoryItem::hasSet,
                InventoryItem::successfulRuns).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("orders-db", true, 0),
                        org.assertj.core.groups.Tuple.tuple("web-assets", true, 0),
                        org.assertj.core.groups.Tuple.tuple("crm-export", false, 0));
        assertThat(result.findings()).filteredOn(f -> f.area().equals("inventory"))
                .extracting(AuditFinding::subject, AuditFinding::severity, AuditFinding::escalation)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("orders-db", Severity.CRITICAL, "on-call engineer, now"),
                        org.assertj.core.groups.Tuple.tuple("web-assets", Severity.CRITICAL, "on-call engineer, now"),
                        org.assertj.core.groups.Tuple.tuple("crm-export", Severity.CRITICAL, "on-call engineer, now"));
        assertThat(result.findings()).filteredOn(f -> f.subject().equals("crm-export")).first()
                .extracting(AuditFinding::controls).asList().contains("9.4.5", "CP-9");
    }

    @Test
    void setsWithoutAnIntegrityCheckAreNamedAsNotTrackedInTheCoverageStatement() throws PlanException {
        AuditResult result = audit(plan(""), List.of(verify(START.plusSeconds(3600),
                set("orders-db", Status.PASS, check("freshness", Status.PASS, Map.of())),
                set("web-assets", Status.PASS, check("freshness", Status.PASS, Map.of())))));

        assertThat(result.coverage()).extracting(CoverageStatement::set, CoverageStatement::complete,
                CoverageStatement::statement).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("orders-db", false, "orders-db has no integrity check, so "
                                + "none of its files is read against a checksum manifest and its coverage is not "
                                + "tracked."),
                        org.assertj.core.groups.Tuple.tuple("web-assets", false, "web-assets has no integrity check, "
                                + "so none of its files is read against a checksum manifest and its coverage is not "
                                + "tracked."));
        assertThat(result.findings()).noneMatch(finding -> finding.area().equals("coverage"));
    }

    @Test
    void anAuditWithoutRunsIsAnErrorNotAPass() throws PlanException {
        AuditResult result = audit(plan(""), List.of());

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.findings().get(0).title()).contains("No verify run of this plan was recorded");
    }

    @Test
    void verificationThatStoppedDuringThePeriodIsNotAPass() throws PlanException {
        List<RunRecord> runs = new ArrayList<>();
        // nightly runs for nine days, then the job stopped (cron entry lost, plan broken, agent gone)
        for (int day = 1; day <= 9; day++) {
            runs.add(verify(START.plus(Duration.ofDays(day)), set("orders-db", Status.PASS),
                    set("web-assets", Status.PASS)));
        }

        AuditResult result = audit(plan(""), runs);

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.findings()).filteredOn(f -> f.title().contains("stopped")).hasSize(2)
                .allSatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.title()).contains("21 days before the end of the period");
                    assertThat(f.evidence()).anyMatch(e -> e.contains("about every 24h"));
                });
    }

    /**
     * A job that verified once, when it was set up, and never again: with a single run there was no interval to
     * hold the latest run to, and the audit passed at 100%. Its run before the period tells its cadence: a monthly
     * job seen once is not stopped, one with no earlier run is after a week.
     */
    @Test
    void aSetVerifiedOnceAndNeverAgainIsNotAPassUnlessItsEarlierRunShowsThatIsItsCadence(
            @org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        RunRecord once = verify(START.plus(Duration.ofDays(10)), set("orders-db", Status.PASS),
                set("web-assets", Status.PASS));
        RunRecord monthBefore = verify(START.minus(Duration.ofDays(10)), set("orders-db", Status.PASS));

        AuditResult alone = audit(plan(""), List.of(once));
        AuditResult monthly = audit(plan(""), List.of(monthBefore, once));
        io.backupverify.engine.history.RunHistory history = new io.backupverify.engine.history.RunHistory(folder);
        history.add(verify(START.minus(Duration.ofDays(40)), set("web-assets", Status.PASS)));
        history.add(monthBefore);
        history.add(once);
        AuditResult recorded = new Auditor().audit(plan(""), history, NOW);

        assertThat(alone.status()).isEqualTo(Status.WARN);
        assertThat(alone.findings()).filteredOn(f -> f.title().contains("stopped")).hasSize(2)
                .allSatisfy(f -> assertThat(f.evidence()).anyMatch(e -> e.contains("none recorded before")));
        assertThat(monthly.findings()).filteredOn(f -> f.title().contains("stopped")).extracting(AuditFinding::subject)
                .containsExactly("web-assets");
        assertThat(recorded.findings()).filteredOn(f -> f.title().contains("stopped")).extracting(AuditFinding::subject)
                .as("web-assets's run 50 days before this one says it runs about every 50 days")
                .isEmpty();
        assertThat(recorded.status()).isEqualTo(Status.PASS);
    }

    /**
     * prod/plan.yaml stopped after nine nights; staging/plan.yaml, with a set of the same name elsewhere, records
     * into the same history folder every night. Its runs must not stand in for prod's.
     */
    @Test
    void anotherPlanOfTheSameFileNameDoesNotStandInForThisOne() throws PlanException {
        List<RunRecord> runs = new ArrayList<>();
        for (int day = 1; day < 30; day++) {
            Instant at = START.plus(Duration.ofDays(day));
            if (day <= 9) {
                runs.add(new RunRecord(RunKind.VERIFY, "/etc/bv/prod/plan.yaml", day, at, at.plusSeconds(60),
                        Status.PASS, List.of(set("orders-db", Status.PASS), set("web-assets", Status.PASS))));
            }
            runs.add(new RunRecord(RunKind.VERIFY, "/etc/bv/staging/plan.yaml", day, at.plusSeconds(600),
                    at.plusSeconds(660), Status.PASS, List.of(
                            new SetRecord("orders-db", "local:/staging/orders-db", Status.PASS, null, List.of()),
                            new SetRecord("web-assets", "local:/staging/web-assets", Status.PASS, null, List.of()))));
        }

        AuditResult result = audit(plan(""), runs);

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.findings()).filteredOn(f -> f.title().contains("plans of the same file name")).hasSize(2)
                .allSatisfy(f -> assertThat(f.evidence()).anyMatch(e -> e.contains("/etc/bv/staging/plan.yaml"))
                        .anyMatch(e -> e.contains("9 runs")));
    }

    @Test
    void onePlanRunFromTwoFoldersOrMovedToAnotherTargetIsOnePlan() throws PlanException {
        List<RunRecord> runs = new ArrayList<>();
        for (int day = 1; day < 30; day++) {
            Instant at = START.plus(Duration.ofDays(day)).plus(Duration.ofHours(3));
            String path = day % 2 == 0 ? "plan.yaml" : "/etc/bv/plan.yaml";
            runs.add(new RunRecord(RunKind.VERIFY, path, day, at, at.plusSeconds(60), Status.PASS,
                    List.of(set("orders-db", Status.PASS), set("web-assets", Status.PASS))));
        }

        assertThat(audit(plan(""), runs).status()).isEqualTo(Status.PASS);
    }

    @Test
    void nightlyVerificationUpToTheEndOfThePeriodIsNotStale() throws PlanException {
        List<RunRecord> runs = new ArrayList<>();
        for (int day = 1; day < 30; day++) {
            runs.add(verify(START.plus(Duration.ofDays(day)).plus(Duration.ofHours(3)), set("orders-db", Status.PASS),
                    set("web-assets", Status.PASS)));
        }
        // a single missed night is not yet a stop
        runs.remove(runs.size() - 1);

        AuditResult result = audit(plan(""), runs);

        assertThat(result.findings()).noneMatch(f -> f.title().contains("stopped"));
        assertThat(result.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aRunThatCouldNotStartCountsAgainstEverySet() throws PlanException {
        List<RunRecord> runs = new ArrayList<>();
        for (int day = 1; day < 30; day++) {
            Instant at = START.plus(Duration.ofDays(day));
            // one night the plan could not be read (or the agent was gone): an ERROR run without any set
            runs.add(day == 15 ? RunRecords.couldNotRun(RunKind.VERIFY, "plan.yaml", day, at)
                    : verify(at, set("orders-db", Status.PASS), set("web-assets", Status.PASS)));
        }

        AuditResult result = audit(plan(""), runs);

        assertThat(result.successRates()).extracting(SetSuccess::set, SetSuccess::runs, SetSuccess::errors)
                .contains(org.assertj.core.groups.Tuple.tuple("orders-db", 29, 1),
                        org.assertj.core.groups.Tuple.tuple("web-assets", 29, 1));
        assertThat(result.status()).isEqualTo(Status.WARN);
    }

    @Test
    void aHistoryFileThatCannotBeReadKeepsTheAuditFromPassing() throws PlanException {
        List<RunRecord> runs = new ArrayList<>();
        for (int day = 1; day <= 29; day++) {
            runs.add(verify(START.plus(Duration.ofDays(day)), set("orders-db", Status.PASS),
                    set("web-assets", Status.PASS)));
        }
        // the night's record that could not be read may be the one run that failed
        HistoryRead read = new HistoryRead(runs, List.of(new HistoryRead.DamagedFile(
                "history/runs/20261115T020000Z-verify-1a2b.json", "not JSON: unexpected end of input")));

        AuditResult result = new Auditor().audit(plan(""), read, null, NOW);

        assertThat(result.status()).isEqualTo(Status.WARN);
        AuditFinding damaged = result.findings().stream().filter(f -> f.area().equals("history")).findFirst()
                .orElseThrow();
        assertThat(damaged.severity()).isEqualTo(Severity.WARNING);
        assertThat(damaged.title()).contains("1 history file(s) could not be read").contains("success rates");
    }

    @Test
    void restoreTestsAreHeldToCadenceAndRto() throws PlanException {
        Plan plan = plan("audit: { restoreTests: { atLeast: 2, per: 30d, rto: 45m } }\n");
        List<RunRecord> runs = new ArrayList<>();
        runs.add(verify(START.plusSeconds(60), set("orders-db", Status.PASS), set("web-assets", Status.PASS)));
        for (int i = 0; i < 2; i++) {
            Instant at = START.plus(Duration.ofDays(10L + i * 10));
            double seconds = i == 0 ? 1800 : 3000;
            runs.add(new RunRecord(RunKind.RESTORE_TEST, "plan.yaml", 1, at, at.plusSeconds(3000), Status.PASS,
                    List.of(set("orders-db", Status.PASS, check("restore", Status.PASS,
                            Map.of("restoreSeconds", seconds))))));
        }

        AuditResult result = audit(plan, runs);

        RestoreReview orders = result.restoreTests().get(0);
        assertThat(orders.inCadence()).isEqualTo(2);
        assertThat(orders.timings()).extracting(RestoreTiming::overRto).containsExactly(false, true);
        assertThat(orders.timings().get(1).rtoSeconds()).isEqualTo(2700.0);
        assertThat(result.findings()).filteredOn(f -> f.area().equals("restore-test"))
                .extracting(AuditFinding::subject, AuditFinding::severity).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("orders-db", Severity.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple("web-assets", Severity.CRITICAL));
        assertThat(result.findings()).filteredOn(f -> f.subject().equals("orders-db")).first()
                .extracting(AuditFinding::title).asString().contains("took longer than the RTO, the latest included");
    }

    @Test
    void restoreTestsThatEndedInErrorDoNotCountTowardTheCadence() throws PlanException {
        Plan plan = plan("audit: { restoreTests: { atLeast: 3, per: 30d } }\n");
        List<RunRecord> runs = new ArrayList<>();
        runs.add(verify(START.plusSeconds(60), set("orders-db", Status.PASS), set("web-assets", Status.PASS)));
        // two restore tests could not run (the scratch database was down); the latest one passed
        Status[] outcomes = {Status.ERROR, Status.ERROR, Status.PASS};
        for (int i = 0; i < outcomes.length; i++) {
            Instant at = START.plus(Duration.ofDays(10L + i * 5));
            runs.add(new RunRecord(RunKind.RESTORE_TEST, "plan.yaml", 1, at, at.plusSeconds(600), outcomes[i],
                    List.of(set("orders-db", outcomes[i], check("restore", outcomes[i],
                            Map.of("restoreSeconds", 300))))));
        }

        AuditResult result = audit(plan, runs);

        RestoreReview orders = result.restoreTests().get(0);
        assertThat(orders.inCadence()).isEqualTo(1);
        AuditFinding cadence = result.findings().stream()
                .filter(f -> f.area().equals("restore-test") && f.subject().equals("orders-db")).findFirst()
                .orElseThrow();
        assertThat(cadence.severity()).isEqualTo(Severity.WARNING);
        assertThat(cadence.title()).contains("had 1 restore test in the last 30d; the plan requires at least 3");
        assertThat(cadence.evidence()).contains("2 more in the last 30d ended ERROR (nothing restored and "
                + "validated), not counted");
    }

    @Test
    void passingChecksAndFindingsAreMappedToControls() throws PlanException {
        Plan plan = plan("audit: { frameworks: [nist-800-53, soc2] }\n");
        // one run, an hour before the end (a lone run weeks before it would be a verification that stopped)
        List<RunRecord> runs = List.of(verify(NOW.minus(Duration.ofHours(1)),
                set("orders-db", Status.PASS, check("freshness", Status.PASS, Map.of())),
                set("web-assets", Status.PASS, check("freshness", Status.PASS, Map.of()))));

        AuditResult result = audit(plan, runs);

        assertThat(result.controls()).extracting(c -> c.control().id())
                .containsExactly("CP-9", "CP-9(1)", "CP-9(8)", "CP-10", "CP-6", "A1.2", "A1.3");
        ControlEvidence cp9 = result.controls().get(0);
        assertThat(cp9.state()).isEqualTo(ControlEvidence.EVIDENCED);
        assertThat(cp9.passing()).contains("freshness check: PASS or WARN on 2 of 2 sets in their latest run");
        assertThat(result.controls().get(3).state()).isEqualTo(ControlEvidence.NO_EVIDENCE);
        assertThat(result.status()).isEqualTo(Status.PASS);
    }

    @Test
    void slowBackupsFromEachBackupsDurationOnceHoweverManyRunsSawIt() throws PlanException {
        // backup b-d of day d (1..10) took 3600 + 360 * (d - 1) seconds; two runs a day see the same backup
        List<RunRecord> runs = new ArrayList<>();
        for (int day = 1; day <= 10; day++) {
            Instant backupStart = START.plus(Duration.ofDays(day));
            for (int run = 0; run < 2; run++) {
                runs.add(verify(backupStart.plusSeconds(7200 + 3600L * run), set("orders-db", Status.PASS,
                        check("window", Status.PASS, Map.of("latestDurationSeconds", 3600L + 360L * (day - 1),
                                "latestBackup", "b-" + day, "latestStart", backupStart.toString(),
                                "maxDurationSeconds", 10_800L)))));
            }
        }

        AuditResult result = audit(plan(""), runs);

        DurationTrend trend = result.durations().get(0);
        assertThat(trend.seconds()).hasSize(10);
        assertThat(trend.seconds().get(0).at()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(trend.fit().slope()).isCloseTo(360.0, within(1e-6));
        assertThat(trend.fit().r2()).isCloseTo(1.0, within(1e-9));
        // fitted 3600 s on day 1 to 6840 s on day 10: +90%
        assertThat(trend.growthPercent()).isCloseTo(90.0, within(1e-6));
        assertThat(trend.slowing()).isTrue();
        AuditFinding slow = result.findings().stream().filter(f -> f.area().equals("slow-backup")).findFirst()
                .orElseThrow();
        assertThat(slow.title()).isEqualTo("Backups of orders-db are getting slower (+90% over the period)");
        // 10,800 s is reached 20 days after day 1
        assertThat(slow.evidence().get(1)).isEqualTo("at this rate the backups exceed maxDuration 3h around "
                + AuditText.day(START.plus(Duration.ofDays(21))));
    }
}
