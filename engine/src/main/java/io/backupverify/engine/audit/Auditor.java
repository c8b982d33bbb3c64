package io.backupverify.engine.audit;

import io.backupverify.engine.history.CoverageLedger;
import io.backupverify.engine.history.HistoryRead;
import io.backupverify.engine.history.RunHistory;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.plan.AuditSpec;
import io.backupverify.engine.plan.Plan;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Audits a plan's recorded history over its audit period: success rates, recurring failures, slow backups, capacity
 * trend and forecast, restore tests, coverage, inventory and the latest results, each problem a finding with
 * evidence, a corrective action and an escalation, and all of it mapped to compliance controls.
 */
public final class Auditor {
    /**
     * Reads the history folder and audits it.
     *
     * @param now the end of the audited period
     */
    public AuditResult audit(Plan plan, RunHistory history, Instant now) throws IOException {
        AuditSpec spec = plan.audit();
        Instant start = now.minus(spec.period().duration());
        HistoryRead read = history.read(start);
        return audit(plan, read, history.ledger(), now);
    }

    /**
     * Audits runs already read. Runs of other plans (by plan name) and runs outside the period are left out.
     *
     * @param ledger the coverage ledger, or null when there is none
     */
    public AuditResult audit(Plan plan, HistoryRead read, CoverageLedger ledger, Instant now) {
        return audit(plan, read, ledger, now, true);
    }

    /**
     * Audits runs already read.
     *
     * @param samePlanOnly whether runs recorded for another plan file are left out; false when the caller chose the
     *                     runs already (the Jenkins step reads the builds of the jobs it was given)
     */
    public AuditResult audit(Plan plan, HistoryRead read, CoverageLedger ledger, Instant now, boolean samePlanOnly) {
        AuditSpec spec = plan.audit();
        Instant start = now.minus(spec.period().duration());
        List<RunRecord> verify = new ArrayList<>();
        List<RunRecord> restore = new ArrayList<>();
        for (RunRecord run : read.runs()) {
            boolean otherPlan = samePlanOnly && !samePlan(plan, run);
            if (run.startedAt().isBefore(start) || run.startedAt().isAfter(now) || otherPlan) {
                continue;
            }
            (run.kind() == RunKind.VERIFY ? verify : restore).add(run);
        }
        FindingList findings = new FindingList(spec);
        Period period = new Period(plan, spec, start, now, verify, restore);
        if (verify.isEmpty()) {
            findings.add(Severity.CRITICAL, "history", "audit", "(plan)", "No verify run of this plan was recorded in the "
                    + "last " + spec.period() + "; there is nothing to audit", List.of("history runs in period: 0"),
                    "Record every scheduled verification with --history (or run the audit in the Jenkins job that "
                    + "verifies), check that the schedule runs, then audit again.");
        }
        if (!read.damaged().isEmpty()) {
            findings.add(Severity.INFO, "history", "audit", "(history)", read.damaged().size()
                    + " history file(s) could not be read and were skipped",
                    read.damaged().stream().limit(10).map(d -> d.file() + ": " + d.reason()).toList(),
                    "Look at the named files; move them aside if they are not history records.");
        }
        SuccessReview success = new SuccessReview(period, findings);
        List<RecurringFailure> recurring = new FailureReview(period, findings).review();
        List<DurationTrend> durations = new DurationReview(period, findings).review();
        CapacityReview capacityReview = new CapacityReview(period, findings);
        List<CapacityTrend> capacity = capacityReview.review();
        List<RestoreReview> restores = new RestoreTestReview(period, findings).review();
        List<CoverageStatement> coverage = new CoverageReview(period, ledger, findings).review();
        List<InventoryItem> inventory = new InventoryReview(period, success.perSet(), findings).review();
        List<LatestCheck> latest = new LatestReview(period, findings).review();
        List<AuditFinding> sorted = findings.sorted();
        List<ControlEvidence> controls = new ControlReview(spec, success.overall(), latest, restores, coverage,
                inventory, sorted).review();
        return new AuditResult(plan.source(), spec, now, start, verify.size(), restore.size(), read.damaged(),
                success.perSet(), success.overall(), recurring, durations, capacity, capacityReview.bytesVerified(),
                restores, coverage, inventory, latest, sorted, controls);
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
