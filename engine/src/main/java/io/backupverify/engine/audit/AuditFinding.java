package io.backupverify.engine.audit;

import java.util.List;
import java.util.Objects;

/**
 * One thing the audit found that needs someone to act.
 *
 * @param area       which review found it: success-rate, recurring-failure, slow-backup, capacity, restore-test,
 *                   coverage, inventory, latest-result, history
 * @param subject    the backup set, target or system it concerns
 * @param title      what is wrong, in one sentence
 * @param evidence   which runs and which numbers show it
 * @param action     what to do about it, in plain words
 * @param escalation who is told, from the plan's escalation for this severity
 * @param controls   the compliance controls this finding is evidence against (ids such as CP-9(1))
 */
public record AuditFinding(Severity severity, String area, String subject, String title, List<String> evidence,
        String action, String escalation, List<String> controls) {
    public AuditFinding {
        Objects.requireNonNull(severity, "severity");
        evidence = List.copyOf(evidence);
        controls = List.copyOf(controls);
    }
}
