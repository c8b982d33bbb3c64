package io.backupverify.engine.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks the {@code audit:} section: positive durations, shares in range, known frameworks, unique names. */
final class AuditValidator {
    private final PlanValidator plan;

    AuditValidator(PlanValidator plan) {
        this.plan = plan;
    }

    void validate(String at, AuditSpec audit) throws PlanException {
        positive(at + ".period", "period", audit.period());
        plan.checkShare(at + ".successRate.min", "min", audit.successRate().min());
        plan.checkShare(at + ".capacity.warnAt", "warnAt", audit.capacity().warnAt());
        AuditSpec.RestoreTestsSpec restore = audit.restoreTests();
        if (restore != null) {
            if (restore.atLeast() < 1) {
                throw plan.problem(at + ".restoreTests.atLeast", "atLeast must be 1 or more; leave restoreTests out "
                        + "to not require restore tests");
            }
            positive(at + ".restoreTests.per", "per", restore.per());
            positive(at + ".restoreTests.rto", "rto", restore.rto());
        }
        positive(at + ".coverage.fullWithin", "fullWithin", audit.coverage().fullWithin());
        names(at + ".inventory", audit.inventory(), "system name");
        names(at + ".frameworks", audit.frameworks(), "framework");
        for (int i = 0; i < audit.frameworks().size(); i++) {
            if (!AuditSpec.FRAMEWORKS.contains(audit.frameworks().get(i))) {
                throw plan.problem(at + ".frameworks[" + i + "]", "unknown framework '" + audit.frameworks().get(i)
                        + "'; known: " + String.join(", ", AuditSpec.FRAMEWORKS));
            }
        }
        AuditSpec.EscalationSpec escalation = audit.escalation();
        blank(at + ".escalation.critical", escalation.critical());
        blank(at + ".escalation.warning", escalation.warning());
        blank(at + ".escalation.info", escalation.info());
    }

    private void positive(String key, String name, DurationValue value) throws PlanException {
        if (value != null && value.duration().isZero()) {
            throw plan.problem(key, name + " must be more than 0");
        }
    }

    private void names(String key, List<String> names, String what) throws PlanException {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.isBlank()) {
                throw plan.problem(key + "[" + i + "]", "empty " + what);
            }
            if (!seen.add(name)) {
                throw plan.problem(key + "[" + i + "]", "'" + name + "' is listed twice");
            }
        }
    }

    private void blank(String key, String text) throws PlanException {
        if (text.isBlank()) {
            throw plan.problem(key, "say who is told, such as \"on-call: ops-pager\", or leave the key out");
        }
    }
}
