package io.backupverify.engine.audit;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.CheckRecord;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.SetRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The latest verdict of every check on every set. Retention and posture checks (encryption, access, immutability,
 * copies) are reported from here: their latest state is what counts. Any other check whose latest run failed is a
 * finding too, unless it already failed repeatedly (the recurring-failure review reports those).
 */
final class LatestReview {
    static final Set<String> STATE_CHECKS = Set.of("retention", "encryption", "access", "immutability", "copies");

    private final Period period;
    private final FindingList findings;

    LatestReview(Period period, FindingList findings) {
        this.period = period;
        this.findings = findings;
    }

    List<LatestCheck> review() {
        Map<String, LatestCheck> latest = new LinkedHashMap<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (RunRecord run : period.verify()) {
            for (SetRecord set : run.sets()) {
                for (CheckRecord check : set.checks()) {
                    String key = set.name() + "\u0000" + check.id();
                    latest.put(key, new LatestCheck(set.name(), check.id(), check.status(), run.startedAt(),
                            check.summary()));
                    if (failed(check.status())) {
                        failures.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        List<LatestCheck> result = new ArrayList<>(latest.values());
        for (LatestCheck check : result) {
            int failed = failures.getOrDefault(check.set() + "\u0000" + check.check(), 0);
            if (STATE_CHECKS.contains(check.check()) && check.status() != Status.PASS) {
                report(check, failed(check.status()) ? Severity.WARNING : Severity.INFO);
            } else if (failed(check.status()) && failed < FailureReview.RECURRING) {
                report(check, Severity.WARNING);
            }
        }
        return result;
    }

    private void report(LatestCheck check, Severity severity) {
        findings.add(severity, "latest-result", check.check(), check.set(), "The latest " + check.check()
                + " check of " + check.set() + " ended " + check.status(), List.of(AuditText.time(check.at()) + ": "
                        + check.summary()), action(check));
    }

    private static String action(LatestCheck check) {
        return switch (check.check()) {
            case "retention" -> "Bring " + check.set() + "'s backups in line with the retention policy: keep the "
                    + "tiers it requires and delete what is past its maximum age.";
            case "encryption" -> "Encrypt the backups of " + check.set() + " at rest, and check the keys are held "
                    + "apart from the backups.";
            case "access", "immutability" -> "Restrict who can change or delete the backups of " + check.set()
                    + " (object lock, append-only, separate credentials).";
            case "copies" -> "Restore the missing copy of " + check.set() + " so that an independent copy exists "
                    + "off-site (3-2-1).";
            default -> "Look at the latest " + check.check() + " findings of " + check.set() + " and fix the cause.";
        };
    }

    private static boolean failed(Status status) {
        return status == Status.FAIL || status == Status.ERROR;
    }
}
