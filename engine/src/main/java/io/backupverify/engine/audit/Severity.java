package io.backupverify.engine.audit;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.AuditSpec.EscalationSpec;
import java.util.Locale;

/** How urgent an audit finding is. A critical finding fails the audit, a warning makes it WARN. */
public enum Severity {
    CRITICAL(Status.FAIL), WARNING(Status.WARN), INFO(Status.PASS);

    private final Status status;

    Severity(Status status) {
        this.status = status;
    }

    /** The verdict this severity gives the audit. */
    public Status status() {
        return status;
    }

    /** Who is told, from the plan's {@code escalation}. */
    public String escalation(EscalationSpec escalation) {
        return switch (this) {
            case CRITICAL -> escalation.critical();
            case WARNING -> escalation.warning();
            case INFO -> escalation.info();
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
