package io.backupverify.engine.audit;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.CheckRecord;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.SetRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The latest verdict of every check on every set. Retention and posture checks (encryption, access, immutability,
 * copies) are reported from here: their latest state is what counts. Any other check whose latest run failed is a
 * finding too, unless it already failed repeatedly (the recurring-failure review reports those).
 */
final class LatestReview implements RunReview {
    static final Set<String> STATE_CHECKS = Set.of("retention", "encryption", "access", "immutability", "copies");

    private final FindingList findings;
    /** Per set and check, its latest result and failures; and all of them in the order first seen. */
    private final Map<String, Map<String, Latest>> bySet = new HashMap<>();
    private final List<Latest> order = new ArrayList<>();

    LatestReview(FindingList findings) {
        this.findings = findings;
    }

    @Override
    public void verify(RunRecord run) {
        for (SetRecord set : run.sets()) {
            Map<String, Latest> ofSet = bySet.computeIfAbsent(set.name(), name -> new HashMap<>());
            for (CheckRecord check : set.checks()) {
                Latest latest = ofSet.get(check.id());
                if (latest == null) {
                    latest = new Latest(set.name(), check.id());
                    ofSet.put(check.id(), latest);
                    order.add(latest);
                }
                latest.record = check;
                latest.at = run.startedAt();
                if (failed(check.status())) {
                    latest.failures++;
                }
            }
        }
    }

    List<LatestCheck> review() {
        List<LatestCheck> result = new ArrayList<>();
        for (Latest latest : order) {
            LatestCheck check = new LatestCheck(latest.set, latest.check, latest.record.status(), latest.at,
                    latest.record.summary());
            result.add(check);
            int failed = latest.failures;
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
            case "copies" -> "Give " + check.set() + " the copies the plan asks for, each on storage of its own and "
                    + "one off-site (3-2-1): restore a missing or differing copy, move one that shares storage with "
                    + "another.";
            default -> "Look at the latest " + check.check() + " findings of " + check.set() + " and fix the cause.";
        };
    }

    private static boolean failed(Status status) {
        return status == Status.FAIL || status == Status.ERROR;
    }

    /** The latest result of one check of one set, so far. */
    private static final class Latest {
        private final String set;
        private final String check;
        private CheckRecord record;
        private Instant at;
        private int failures;

        Latest(String set, String check) {
            this.set = set;
            this.check = check;
        }
    }
}
