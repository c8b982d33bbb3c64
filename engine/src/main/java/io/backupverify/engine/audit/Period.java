package io.backupverify.engine.audit;

import io.backupverify.engine.plan.AuditSpec;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.Plan;
import java.time.Instant;
import java.util.List;

/** The time an audit looks at and the plan whose runs it reviews. */
record Period(Plan plan, AuditSpec spec, Instant start, Instant end) {
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
