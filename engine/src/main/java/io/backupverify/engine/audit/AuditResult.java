package io.backupverify.engine.audit;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.HistoryRead;
import io.backupverify.engine.plan.AuditSpec;
import java.time.Instant;
import java.util.List;

/**
 * What an audit of a plan's recorded history found.
 *
 * @param periodStart   the start of the period looked at; it ends at {@code auditedAt}
 * @param verifyRuns    verify runs of this plan in the period
 * @param restoreRuns   restore-test runs of this plan in the period
 * @param damaged       history files that were skipped
 * @param bytesVerified bytes integrity verified, per verify run
 * @param restoreTests  per set, when the plan requires restore tests; else empty
 * @param durationMs    how long reading the history and auditing it took, in milliseconds
 */
public record AuditResult(String plan, AuditSpec spec, Instant auditedAt, Instant periodStart, int verifyRuns,
        int restoreRuns, List<HistoryRead.DamagedFile> damaged, List<SetSuccess> successRates, SetSuccess overall,
        List<RecurringFailure> recurringFailures, List<DurationTrend> durations, List<CapacityTrend> capacity,
        List<TimedValue> bytesVerified, List<RestoreReview> restoreTests, List<CoverageStatement> coverage,
        List<InventoryItem> inventory, List<LatestCheck> latest, List<AuditFinding> findings,
        List<ControlEvidence> controls, long durationMs) {
    public AuditResult {
        damaged = List.copyOf(damaged);
        successRates = List.copyOf(successRates);
        recurringFailures = List.copyOf(recurringFailures);
        durations = List.copyOf(durations);
        capacity = List.copyOf(capacity);
        bytesVerified = List.copyOf(bytesVerified);
        restoreTests = List.copyOf(restoreTests);
        coverage = List.copyOf(coverage);
        inventory = List.copyOf(inventory);
        latest = List.copyOf(latest);
        findings = List.copyOf(findings);
        controls = List.copyOf(controls);
    }

    /**
     * The audit's verdict: ERROR when no verify run was recorded in the period (nothing to audit is not a pass),
     * else FAIL with a critical finding, WARN with a warning, PASS otherwise.
     */
    public Status status() {
        if (verifyRuns == 0) {
            return Status.ERROR;
        }
        return Status.worstOf(findings.stream().map(finding -> finding.severity().status()).toList(), Status.PASS);
    }

    public long count(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).count();
    }
}
