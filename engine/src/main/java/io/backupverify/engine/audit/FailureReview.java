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

/**
 * Groups failures: the same check failing (FAIL or ERROR) on the same set in two or more runs of the period,
 * with how often, first and last seen, and whether it still fails. Still failing is critical; one that has
 * recovered is a warning, since it may come back.
 */
final class FailureReview implements RunReview {
    static final int RECURRING = 2;

    private final FindingList findings;
    /** Per kind, set and check, its group; and the groups in the order first seen, verify runs first. */
    private final Map<String, Map<String, Group>> verifyGroups = new HashMap<>();
    private final Map<String, Map<String, Group>> restoreGroups = new HashMap<>();
    private final List<Group> verifyOrder = new ArrayList<>();
    private final List<Group> restoreOrder = new ArrayList<>();

    FailureReview(FindingList findings) {
        this.findings = findings;
    }

    @Override
    public void verify(RunRecord run) {
        collect(run, "verify", verifyGroups, verifyOrder);
    }

    @Override
    public void restore(RunRecord run) {
        collect(run, "restore-test", restoreGroups, restoreOrder);
    }

    List<RecurringFailure> review() {
        List<Group> groups = new ArrayList<>(verifyOrder);
        groups.addAll(restoreOrder);
        List<RecurringFailure> recurring = new ArrayList<>();
        for (Group group : groups) {
            if (group.failures >= RECURRING) {
                RecurringFailure failure = group.toFailure();
                recurring.add(failure);
                report(failure);
            }
        }
        recurring.sort((a, b) -> Integer.compare(b.count(), a.count()));
        return recurring;
    }

    private static void collect(RunRecord run, String kind, Map<String, Map<String, Group>> groups,
            List<Group> order) {
        for (SetRecord set : run.sets()) {
            Map<String, Group> ofSet = groups.computeIfAbsent(set.name(), name -> new HashMap<>());
            for (CheckRecord check : set.checks()) {
                Group group = ofSet.get(check.id());
                if (group == null) {
                    group = new Group(kind, set.name(), check.id());
                    ofSet.put(check.id(), group);
                    order.add(group);
                }
                group.add(run.startedAt(), check);
            }
        }
    }

    private void report(RecurringFailure failure) {
        String title = "Check " + failure.check() + " failed on " + failure.set() + " in " + failure.count() + " of "
                + failure.runs() + " " + failure.kind() + " runs" + (failure.stillFailing() ? " and still fails"
                        : "; it passed in the latest run");
        List<String> evidence = List.of("first failed " + AuditText.time(failure.firstSeen()) + ", last failed "
                + AuditText.time(failure.lastSeen()) + ", worst " + failure.worst(),
                "last message: " + failure.lastSummary());
        String action = failure.stillFailing()
                ? "Find the cause of the repeated " + failure.check() + " failures on " + failure.set()
                        + " (see the last message in the evidence), fix it, and run the verification again to confirm."
                : "The check recovered, but failed repeatedly: find out why it failed and make sure the cause is "
                        + "gone, not just the symptom.";
        findings.add(failure.stillFailing() ? Severity.CRITICAL : Severity.WARNING, "recurring-failure",
                failure.kind().equals("verify") ? failure.check() : "restore-test", failure.set(), title, evidence,
                action);
    }

    private static final class Group {
        private final String kind;
        private final String set;
        private final String check;
        private int runs;
        private int failures;
        private Instant first;
        private Instant last;
        private Status worst = Status.PASS;
        private boolean latestFailed;
        private String lastSummary = "";

        Group(String kind, String set, String check) {
            this.kind = kind;
            this.set = set;
            this.check = check;
        }

        void add(Instant at, CheckRecord record) {
            runs++;
            boolean failed = record.status() == Status.FAIL || record.status() == Status.ERROR;
            latestFailed = failed;
            if (failed) {
                failures++;
                first = first == null ? at : first;
                last = at;
                worst = worst.worst(record.status());
                lastSummary = record.summary();
            }
        }

        RecurringFailure toFailure() {
            return new RecurringFailure(kind, set, check, failures, runs, first, last, worst, latestFailed,
                    lastSummary);
        }
    }
}
