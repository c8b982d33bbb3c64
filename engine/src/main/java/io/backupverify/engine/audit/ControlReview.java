package io.backupverify.engine.audit;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.AuditSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the audit to the controls of the plan's frameworks: per control, the passing checks and reviews that
 * evidence it and the findings against it.
 */
final class ControlReview {
    private final AuditSpec spec;
    private final SetSuccess overall;
    private final List<LatestCheck> latest;
    private final List<RestoreReview> restores;
    private final List<CoverageStatement> coverage;
    private final List<InventoryItem> inventory;
    private final List<AuditFinding> findings;

    ControlReview(AuditSpec spec, SetSuccess overall, List<LatestCheck> latest, List<RestoreReview> restores,
            List<CoverageStatement> coverage, List<InventoryItem> inventory, List<AuditFinding> findings) {
        this.spec = spec;
        this.overall = overall;
        this.latest = latest;
        this.restores = restores;
        this.coverage = coverage;
        this.inventory = inventory;
        this.findings = findings;
    }

    List<ControlEvidence> review() {
        Map<String, String> passing = passingEvidence();
        List<ControlEvidence> controls = new ArrayList<>();
        for (Control control : Controls.of(spec.frameworks())) {
            List<String> evidence = new ArrayList<>();
            passing.forEach((kind, text) -> {
                if (Controls.forEvidence(kind).contains(control.id())) {
                    evidence.add(text);
                }
            });
            List<Integer> numbers = new ArrayList<>();
            boolean serious = false;
            for (int i = 0; i < findings.size(); i++) {
                AuditFinding finding = findings.get(i);
                if (finding.controls().contains(control.id())) {
                    numbers.add(i + 1);
                    serious |= finding.severity() != Severity.INFO;
                }
            }
            String state = serious ? ControlEvidence.FINDINGS
                    : evidence.isEmpty() ? ControlEvidence.NO_EVIDENCE : ControlEvidence.EVIDENCED;
            controls.add(new ControlEvidence(control, state, evidence, numbers));
        }
        return controls;
    }

    /** Evidence kind to what passed, in words; kinds with nothing passing are absent. */
    private Map<String, String> passingEvidence() {
        Map<String, String> passing = new LinkedHashMap<>();
        Map<String, int[]> checks = new LinkedHashMap<>();
        for (LatestCheck check : latest) {
            int[] counts = checks.computeIfAbsent(check.check(), id -> new int[2]);
            counts[1]++;
            if (check.status() == Status.PASS || check.status() == Status.WARN) {
                counts[0]++;
            }
        }
        checks.forEach((id, counts) -> {
            if (counts[0] > 0) {
                passing.put(id, id + " check: PASS or WARN on " + counts[0] + " of " + counts[1]
                        + " sets in their latest run");
            }
        });
        double min = spec.successRate().min().value();
        if (overall.runs() > 0 && overall.ratePercent() >= min) {
            passing.put("success-rate", "success rate " + AuditText.percent(overall.ratePercent()) + " (at least "
                    + AuditText.percent(min) + ") over " + overall.runs() + " set-runs");
        }
        long tested = restores.stream().filter(r -> r.inCadence() >= r.required() && !r.timings().isEmpty()
                && !r.timings().get(r.timings().size() - 1).overRto()
                && r.timings().get(r.timings().size() - 1).status().compareTo(Status.WARN) <= 0).count();
        if (tested > 0) {
            passing.put("restore-test", "restore tests: " + tested + " of " + restores.size()
                    + " sets restored in cadence, the latest within RTO");
        }
        long complete = coverage.stream().filter(CoverageStatement::complete).count();
        if (complete > 0) {
            passing.put("coverage", "coverage: every listed file of " + complete + " of " + coverage.size()
                    + " sets verified within " + spec.fullWithin());
        }
        long covered = inventory.stream().filter(InventoryItem::covered).count();
        if (covered > 0) {
            passing.put("inventory", "inventory: " + covered + " of " + inventory.size()
                    + " critical systems have a set with a successful run in the period");
        }
        if (overall.runs() > 0) {
            passing.put("audit", "this audit: " + overall.runs() + " set-runs reviewed over " + spec.period()
                    + ", findings with actions and escalation");
        }
        return passing;
    }
}
