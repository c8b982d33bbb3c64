package io.backupverify.engine.audit;

import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.SetRecord;
import io.backupverify.engine.plan.DurationValue;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether each set is still being verified: a set whose runs came regularly and then stopped (a lost cron entry, a
 * broken plan, a Jenkins agent gone) would otherwise keep the success rate of the runs it had. The latest run of a
 * set with at least two runs must be no further from the end of the period than twice its mean interval plus an
 * hour; a single missed run is not yet a stop.
 */
final class CadenceReview implements RunReview {
    private static final Duration SLACK = Duration.ofHours(1);

    private final Period period;
    private final FindingList findings;
    private final Map<String, Runs> runs = new LinkedHashMap<>();

    CadenceReview(Period period, FindingList findings) {
        this.period = period;
        this.findings = findings;
    }

    /** A set's verify runs: how many, the first and the latest start. */
    private static final class Runs {
        private int count;
        private Instant first;
        private Instant latest;
    }

    @Override
    public void verify(RunRecord run) {
        for (SetRecord set : run.sets()) {
            Runs seen = runs.computeIfAbsent(set.name(), name -> new Runs());
            seen.count++;
            if (seen.first == null || run.startedAt().isBefore(seen.first)) {
                seen.first = run.startedAt();
            }
            if (seen.latest == null || run.startedAt().isAfter(seen.latest)) {
                seen.latest = run.startedAt();
            }
        }
    }

    /** Adds a finding for each set of the plan whose verification stopped; call once, after the runs. */
    void review() {
        for (String set : period.setNames()) {
            Runs seen = runs.get(set);
            if (seen == null || seen.count < 2) {
                continue;
            }
            Duration interval = Duration.between(seen.first, seen.latest).dividedBy(seen.count - 1);
            Duration since = Duration.between(seen.latest, period.end());
            if (interval.isZero() || since.compareTo(interval.multipliedBy(2).plus(SLACK)) <= 0) {
                continue;
            }
            findings.add(Severity.WARNING, "cadence", "inventory", set, "Verification of " + set
                    + " stopped: its latest recorded run started " + describe(since) + " before the end of the period",
                    List.of(seen.count + " verify runs of " + set + " from " + AuditText.day(seen.first) + " to "
                            + AuditText.day(seen.latest) + ", about every " + DurationValue.format(interval)
                            + "; none since"),
                    "Find out why the scheduled verification of " + set + " no longer runs or is no longer recorded "
                            + "(schedule, plan errors, the job's log), get it running again, and do not count on the "
                            + "success rate until it has.");
        }
    }

    private static String describe(Duration since) {
        long days = since.toDays();
        return days >= 2 ? days + " days" : DurationValue.format(since);
    }
}
