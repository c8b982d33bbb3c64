package io.backupverify.engine.audit;

import io.backupverify.engine.history.CoverageSource;
import io.backupverify.engine.history.HistoryRead;
import io.backupverify.engine.history.RunHistory;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.plan.AuditSpec;
import io.backupverify.engine.plan.Plan;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Audits a plan's recorded history over its audit period: success rates, recurring failures, slow backups, capacity
 * trend and forecast, restore tests, coverage, inventory and the latest results, each problem a finding with
 * evidence, a corrective action and an escalation, and all of it mapped to compliance controls.
 *
 * <p>Runs are looked at one at a time as the history is read, oldest first: an audit keeps what its report shows
 * (counts, the points of its charts), never the runs themselves, so its memory does not grow with the history.
 */
public final class Auditor {
    /**
     * Reads the history folder and audits it.
     *
     * @param now the end of the audited period
     */
    public AuditResult audit(Plan plan, RunHistory history, Instant now) throws IOException {
        Audit audit = new Audit(plan, now, true);
        List<HistoryRead.DamagedFile> damaged = history.read(audit.period.start(), audit::add);
        List<String> lonely = audit.cadence.lonelySets();
        if (!lonely.isEmpty()) {
            // a set run once in the period: its run before the period, if any, tells its cadence
            java.util.Set<String> wanted = new java.util.HashSet<>(lonely);
            history.verifyRunsBefore(audit.period.start(), run -> {
                if (samePlan(plan, run)) {
                    audit.cadence.earlier(run);
                    run.sets().forEach(set -> wanted.remove(set.name()));
                }
                return !wanted.isEmpty();
            });
        }
        return audit.finish(damaged, history.ledger());
    }

    /**
     * Audits runs already read. Runs of other plans (by plan name) and runs outside the period are left out.
     *
     * @param ledger the coverage ledger (or several merged), or null when there is none
     */
    public AuditResult audit(Plan plan, HistoryRead read, CoverageSource ledger, Instant now) {
        return audit(plan, read, ledger, now, true);
    }

    /**
     * Audits runs already read, oldest first.
     *
     * @param samePlanOnly whether runs recorded for another plan file are left out; false when the caller chose the
     *                     runs already (the Jenkins step reads the builds of the jobs it was given)
     */
    public AuditResult audit(Plan plan, HistoryRead read, CoverageSource ledger, Instant now, boolean samePlanOnly) {
        Audit audit = new Audit(plan, now, samePlanOnly);
        read.runs().forEach(audit::add);
        return audit.finish(read.damaged(), ledger);
    }

    /** One audit in progress: the reviews that look at each run as it comes. */
    private static final class Audit {
        private final Plan plan;
        private final boolean samePlanOnly;
        private final Period period;
        private final FindingList findings;
        private final SuccessReview success;
        private final FailureReview failures;
        private final DurationReview durations;
        private final CapacityReview capacity;
        private final RestoreTestReview restores;
        private final LatestReview latest;
        private final CadenceReview cadence;
        private final PlanMixReview planMix;
        private final List<RunReview> reviews;
        private final long startedNanos = System.nanoTime();
        private int verifyRuns;
        private int restoreRuns;

        Audit(Plan plan, Instant now, boolean samePlanOnly) {
            this.plan = plan;
            this.samePlanOnly = samePlanOnly;
            AuditSpec spec = plan.audit();
            period = new Period(plan, spec, now.minus(spec.period().duration()), now);
            findings = new FindingList(spec);
            success = new SuccessReview(period, findings);
            failures = new FailureReview(findings);
            durations = new DurationReview(period, findings);
            capacity = new CapacityReview(period, findings);
            restores = new RestoreTestReview(period, findings);
            latest = new LatestReview(findings);
            cadence = new CadenceReview(period, findings);
            planMix = new PlanMixReview(period, findings);
            reviews = List.of(success, failures, durations, capacity, restores, latest, cadence, planMix);
        }

        void add(RunRecord run) {
            boolean otherPlan = samePlanOnly && !samePlan(plan, run);
            if (run.startedAt().isBefore(period.start()) && !otherPlan && run.kind() == RunKind.VERIFY) {
                cadence.earlier(run);
            }
            if (run.startedAt().isBefore(period.start()) || run.startedAt().isAfter(period.end()) || otherPlan) {
                return;
            }
            if (run.kind() == RunKind.VERIFY) {
                verifyRuns++;
                reviews.forEach(review -> review.verify(run));
            } else {
                restoreRuns++;
                reviews.forEach(review -> review.restore(run));
            }
        }

        AuditResult finish(List<HistoryRead.DamagedFile> damaged, CoverageSource ledger) {
            AuditSpec spec = period.spec();
            if (verifyRuns == 0) {
                findings.add(Severity.CRITICAL, "history", "audit", "(plan)", "No verify run of this plan was "
                        + "recorded in the last " + spec.period() + "; there is nothing to audit",
                        List.of("history runs in period: 0"), "Record every scheduled verification with --history "
                        + "(or run the audit in the Jenkins job that verifies), check that the schedule runs, then "
                        + "audit again.");
            }
            if (!damaged.isEmpty()) {
                // a record that cannot be read may be the run that failed: rates without it cannot be vouched for
                findings.add(Severity.WARNING, "history", "audit", "(history)", damaged.size()
                        + " history file(s) could not be read and were skipped; the success rates and trends leave "
                        + "out the runs they held",
                        damaged.stream().limit(10).map(d -> d.file() + ": " + d.reason()).toList(),
                        "Look at the named files: restore a damaged record from a copy of the history, or move "
                        + "aside files that are not history records; until then this audit cannot vouch for those "
                        + "runs.");
            }
            success.review();
            cadence.review();
            planMix.review();
            List<RecurringFailure> recurring = failures.review();
            List<DurationTrend> durationTrends = durations.review();
            List<CapacityTrend> capacityTrends = capacity.review();
            List<RestoreReview> restoreReviews = restores.review();
            List<CoverageStatement> coverage = new CoverageReview(period, ledger, findings).review();
            List<InventoryItem> inventory = new InventoryReview(period, success.perSet(), findings).review();
            List<LatestCheck> latestChecks = latest.review();
            List<AuditFinding> sorted = findings.sorted();
            List<ControlEvidence> controls = new ControlReview(spec, success.overall(), latestChecks, restoreReviews,
                    coverage, inventory, sorted).review();
            return new AuditResult(plan.source(), spec, period.end(), period.start(), verifyRuns, restoreRuns,
                    damaged, success.perSet(), success.overall(), recurring, durationTrends, capacityTrends,
                    capacity.bytesVerified(), restoreReviews, coverage, inventory, latestChecks, sorted, controls,
                    (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }

    /**
     * Whether a run belongs to this plan: recorded with the same plan name, or with the same file name (the plan may
     * have been run from another folder).
     */
    private static boolean samePlan(Plan plan, RunRecord run) {
        return run.plan().equals(plan.source()) || fileName(run.plan()).equals(fileName(plan.source()));
    }

    private static String fileName(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(cut + 1);
    }
}
