package io.backupverify.engine.run;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outcome of verifying a plan: the worst of its sets. A run with no sets is an ERROR, never a PASS. */
public record RunResult(String plan, long runNumber, Instant startedAt, Instant finishedAt, List<SetResult> sets) {
    public RunResult {
        sets = List.copyOf(sets);
    }

    // Loops rather than streams and lambdas in what runs once at the end of every command (the results, the
    // reports, the summary): there, a stream's classes and a lambda's linking cost more than the work, and nothing
    // else runs on the other processor.
    public Status status() {
        List<Status> statuses = new ArrayList<>(sets.size());
        for (SetResult set : sets) {
            statuses.add(set.status());
        }
        return Status.worstOf(statuses, Status.ERROR);
    }

    public long durationMs() {
        return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }

    /** How many checks ended in each status, every status present. */
    public Map<Status, Integer> checkCounts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        for (SetResult set : sets) {
            for (CheckResult check : set.checks()) {
                counts.put(check.status(), counts.get(check.status()) + 1);
            }
        }
        return counts;
    }

    /** How many sets ended in each status, every status present. */
    public Map<Status, Integer> setCounts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        for (SetResult set : sets) {
            Status status = set.status();
            counts.put(status, counts.get(status) + 1);
        }
        return counts;
    }
}
