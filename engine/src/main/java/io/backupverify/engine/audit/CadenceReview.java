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
 * hour; a single missed run is not yet a stop. A set with one run in the period takes its interval from its latest
 * run before the period; with none known (a job that ran once, when it was set up, and never again), its one run
 * must be no older than {@link #LONE_RUN_LIMIT}.
 */
final class CadenceReview implements RunReview {
    private static final Duration SLACK = Duration.ofHours(1);
    /** How old the one run of a set with no earlier run may be: a week, the longest usual schedule short of a month. */
    static final Duration LONE_RUN_LIMIT = Duration.ofDays(7);

    private final Period period;
    private final FindingList findings;
    private final Map<String, Runs> runs = new LinkedHashMap<>();
    /** Per set, the start of its latest verify run before the period, when it was looked for. */
    private final Map<String, Instant> before = new LinkedHashMap<>();

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

    /** The sets of the plan with exactly one run in the period, which need their run before it to tell a cadence. */
    List<String> lonelySets() {
        return period.setNames().stream().filter(set -> runs.containsKey(set) && runs.get(set).count == 1
                && !before.containsKey(set)).toList();
    }

    /** A verify run that started before the period: for each set, the latest such start is kept. */
    void earlier(RunRecord run) {
        for (SetRecord set : run.sets()) {
            before.merge(set.name(), run.startedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
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
            if (seen == null) {
                continue;
            }
            Duration since = Duration.between(seen.latest, period.end());
            Instant earlier = before.get(set);
            if (seen.count == 1 && earlier == null) {
                if (since.compareTo(LONE_RUN_LIMIT) > 0) {
                    report(set, since, List.of("1 verify run of " + set + ", on " + AuditText.day(seen.latest)
                            + ", and none recorded before the period; none since"));
                }
                continue;
            }
            Instant from = seen.count == 1 ? earlier : seen.first;
            int intervals = seen.count == 1 ? 1 : seen.count - 1;
            Duration interval = Duration.between(from, seen.latest).dividedBy(intervals);
            if (interval.isZero() || since.compareTo(interval.multipliedBy(2).plus(SLACK)) <= 0) {
                continue;
            }
            report(set, since, List.of(seen.count + " verify run" + (seen.count == 1 ? "" : "s") + " of " + set
                    + " from " + AuditText.day(from) + (seen.count == 1 ? " (the run before the period)" : "")
                    + " to " + AuditText.day(seen.latest) + ", about every " + DurationValue.format(interval)
                    + "; none since"));
        }
    }

    private void report(String set, Duration since, List<String> evidence) {
        findings.add(Severity.WARNING, "cadence", "inventory", set, "Verification of " + set
                + " stopped: its latest recorded run started " + describe(since) + " before the end of the period",
                evidence, "Find out why the scheduled verification of " + set + " no longer runs or is no longer "
                        + "recorded (schedule, plan errors, the job's log), get it running again, and do not count on "
                        + "the success rate until it has.");
    }

    private static String describe(Duration since) {
        long days = since.toDays();
        return days >= 2 ? days + " days" : DurationValue.format(since);
    }
}
