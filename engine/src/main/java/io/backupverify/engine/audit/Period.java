package io.backupverify.engine.audit;

import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.plan.AuditSpec;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.Plan;
import java.time.Instant;
import java.util.List;

/**
 * The runs an audit looks at, oldest first, and the plan they belong to.
 *
 * @param verify  the verify runs of the period
 * @param restore the restore-test runs of the period
 */
record Period(Plan plan, AuditSpec spec, Instant start, Instant end, List<RunRecord> verify, List<RunRecord> restore) {
    List<String> setNames() {
        return plan.backupSets().stream().map(BackupSetSpec::name).toList();
    }

    /** Days since the period start, the x of every fitted line. */
    double days(Instant at) {
        return (at.toEpochMilli() - start.toEpochMilli()) / 86_400_000.0;
    }

    Instant instantAt(double days) {
        return Instant.ofEpochMilli(start.toEpochMilli() + Math.round(days * 86_400_000.0));
    }
}
