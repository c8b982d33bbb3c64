package io.backupverify.engine.audit;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.CheckRecord;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.SetRecord;
import io.backupverify.engine.plan.AuditSpec.RestoreTestsSpec;
import io.backupverify.engine.plan.BackupSetSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Restore tests, when the plan requires them: how many each set had within the last {@code per} (those that ended
 * ERROR, which restored and validated nothing, not counted), whether the latest
 * succeeded, and each restore's time against the RTO. A restore test's time is its {@code restoreSeconds} metric,
 * else {@code totalMs} (fetch, restore and validation, what the restore check holds to its RTO), else
 * {@code restoreMs}, else the time its checks took; its RTO is the audit's {@code rto}, else the test's own
 * {@code rtoSeconds} or {@code rtoMs}.
 */
final class RestoreTestReview implements RunReview {
    private final Period period;
    private final FindingList findings;
    /** Per set, its restore tests in the period, oldest first. */
    private final Map<String, List<RestoreTiming>> timings = new HashMap<>();

    RestoreTestReview(Period period, FindingList findings) {
        this.period = period;
        this.findings = findings;
    }

    @Override
    public void restore(RunRecord run) {
        RestoreTestsSpec spec = period.spec().restoreTests();
        if (spec == null) {
            return;
        }
        for (SetRecord record : run.sets()) {
            timings.computeIfAbsent(record.name(), name -> new ArrayList<>()).add(timing(run, record, spec));
        }
    }

    List<RestoreReview> review() {
        RestoreTestsSpec spec = period.spec().restoreTests();
        if (spec == null) {
            return List.of();
        }
        Instant cadenceStart = period.end().minus(spec.per() == null ? period.spec().period().duration()
                : spec.per().duration());
        List<RestoreReview> reviews = new ArrayList<>();
        for (BackupSetSpec set : period.plan().backupSets()) {
            String name = set.name();
            List<RestoreTiming> timings = this.timings.getOrDefault(name, List.of());
            // A restore test that ended in ERROR could not restore or validate: it proves nothing and does not count.
            int inCadence = (int) timings.stream()
                    .filter(t -> !t.at().isBefore(cadenceStart) && t.status() != Status.ERROR).count();
            int errors = (int) timings.stream()
                    .filter(t -> !t.at().isBefore(cadenceStart) && t.status() == Status.ERROR).count();
            RestoreReview review = new RestoreReview(name, inCadence, spec.atLeast(), timings);
            reviews.add(review);
            report(review, errors, spec, set.restoreTest() != null);
        }
        return reviews;
    }

    private static List<String> evidence(RestoreReview review, int errors, String per, String set,
            boolean configured) {
        List<String> evidence = new ArrayList<>();
        evidence.add("restore tests of " + set + " in the period: " + review.timings().size());
        if (errors > 0) {
            evidence.add(errors + " more in the last " + per + " ended ERROR (nothing restored and validated), "
                    + "not counted");
        }
        evidence.add(configured ? "the plan gives " + set + " a restoreTest" : "the plan gives " + set
                + " no restoreTest");
        return evidence;
    }

    private static RestoreTiming timing(RunRecord run, SetRecord set, RestoreTestsSpec spec) {
        double seconds = -1;
        double rto = spec.rto() == null ? -1 : spec.rto().duration().getSeconds();
        long checksMs = 0;
        for (CheckRecord check : set.checks()) {
            checksMs += check.durationMs();
            if (seconds < 0) {
                seconds = seconds(check, "restoreSeconds", "totalMs", "restoreMs");
            }
            if (spec.rto() == null) {
                rto = Math.max(rto, seconds(check, "rtoSeconds", "rtoMs"));
            }
        }
        return new RestoreTiming(run.startedAt(), seconds >= 0 ? seconds : checksMs / 1000.0, rto, set.status());
    }

    /** The first of the metrics present, in seconds (names ending in Ms are milliseconds); -1 when none is. */
    private static double seconds(CheckRecord check, String... metrics) {
        for (String metric : metrics) {
            OptionalDouble value = check.number(metric);
            if (value.isPresent()) {
                return metric.endsWith("Ms") ? value.getAsDouble() / 1000 : value.getAsDouble();
            }
        }
        return -1;
    }

    private void report(RestoreReview review, int errors, RestoreTestsSpec spec, boolean configured) {
        String set = review.set();
        String per = spec.per() == null ? period.spec().period().toString() : spec.per().toString();
        if (review.inCadence() < review.required()) {
            findings.add(review.inCadence() == 0 ? Severity.CRITICAL : Severity.WARNING, "restore-test", set,
                    set + " had " + review.inCadence() + " restore test" + (review.inCadence() == 1 ? "" : "s")
                            + " in the last " + per + "; the plan requires at least " + review.required(),
                    evidence(review, errors, per, set, configured),
                    (configured ? "" : "Add a restoreTest to " + set + " in the plan. ") + "Schedule "
                            + "backup-verify restore-test --history (or the backupRestoreTest step) so that " + set
                            + " is restore-tested at least " + review.required() + " time(s) every " + per + ".");
        }
        if (review.timings().isEmpty()) {
            return;
        }
        RestoreTiming latest = review.timings().get(review.timings().size() - 1);
        if (latest.status() == Status.FAIL || latest.status() == Status.ERROR) {
            findings.add(Severity.CRITICAL, "restore-test", set, "The latest restore test of " + set + " ended "
                    + latest.status(), List.of("restore test at " + AuditText.time(latest.at())),
                    "Find out why " + set + " could not be restored and validated; until it can, the backup is not "
                            + "proven restorable. Fix it and run the restore test again.");
        }
        List<RestoreTiming> over = review.timings().stream().filter(RestoreTiming::overRto).toList();
        if (!over.isEmpty()) {
            boolean latestOver = latest.overRto();
            List<String> evidence = over.stream().limit(5).map(t -> AuditText.time(t.at()) + ": restore took "
                    + AuditText.seconds(t.seconds()) + ", RTO " + AuditText.seconds(t.rtoSeconds())).toList();
            findings.add(latestOver ? Severity.CRITICAL : Severity.WARNING, "restore-test", set, over.size()
                    + " restore test(s) of " + set + " took longer than the RTO" + (latestOver ? ", the latest "
                            + "included" : "; the latest was within it"), evidence,
                    "Make the restore of " + set + " faster (closer or faster restore storage, parallel restore, "
                            + "smaller restore units) or agree a realistic RTO with the system's owner.");
        }
    }
}
