package io.backupverify.engine.audit;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.CheckRecord;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.SetRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups failures: the same check failing (FAIL or ERROR) on the same set in two or more runs of the period,
 * with how often, first and last seen, and whether it still fails. Still failing is critical; one that has
 * recovered is a warning, since it may come back.
 */
final class FailureReview {
    static final int RECURRING = 2;

    private final Period period;
    private final FindingList findings;

    FailureReview(Period period, FindingList findings) {
        this.period = period;
        this.findings = findings;
    }

    List<RecurringFailure> review() {
        Map<String, Group> groups = new LinkedHashMap<>();
        collect(period.verify(), "verify", groups);
        collect(period.restore(), "restore-test", groups);
        List<RecurringFailure> recurring = new ArrayList<>();
        for (Group group : groups.values()) {
            if (group.failures >= RECURRING) {
                RecurringFailure failure = group.toFailure();
                recurring.add(failure);
                report(failure);
            }
        }
        recurring.sort((a, b) -> Integer.compare(b.count(), a.count()));
        return recurring;
    }

    private static void collect(List<RunRecord> runs, String kind, Map<String, Group> groups) {
        for (RunRecord run : runs) {
            for (SetRecord set : run.sets()) {
                for (CheckRecord check : set.checks()) {
                    Group group = groups.computeIfAbsent(kind + "\u0000" + set.name() + "\u0000" + check.id(),
                            key -> new Group(kind, set.name(), check.id()));
                    group.add(run.startedAt(), check);
                }
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
