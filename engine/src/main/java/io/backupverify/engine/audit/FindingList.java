package io.backupverify.engine.audit;

import io.backupverify.engine.plan.AuditSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects findings, adding the escalation from the plan and the controls of their area. */
final class FindingList {
    private final AuditSpec spec;
    private final List<AuditFinding> findings = new ArrayList<>();

    FindingList(AuditSpec spec) {
        this.spec = spec;
    }

    void add(Severity severity, String area, String subject, String title, List<String> evidence, String action) {
        add(severity, area, area, subject, title, evidence, action);
    }

    /** A finding whose controls come from another evidence kind than its area (a check id, say). */
    void add(Severity severity, String area, String evidenceKind, String subject, String title, List<String> evidence,
            String action) {
        findings.add(new AuditFinding(severity, area, subject, title, evidence, action,
                severity.escalation(spec.escalation()), Controls.forEvidence(evidenceKind)));
    }

    /** Worst first, then in the order found. */
    List<AuditFinding> sorted() {
        List<AuditFinding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(AuditFinding::severity));
        return sorted;
    }
}
