package io.backupverify.engine.run;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outcome of verifying a plan: the worst of its sets. A run with no sets is an ERROR, never a PASS. */
public record RunResult(String plan, long runNumber, Instant startedAt, Instant finishedAt, List<SetResult> sets) {
    public RunResult {
        sets = List.copyOf(sets);
    }

    public Status status() {
        return Status.worstOf(sets.stream().map(SetResult::status).toList(), Status.ERROR);
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
                counts.merge(check.status(), 1, Integer::sum);
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
        sets.forEach(set -> counts.merge(set.status(), 1, Integer::sum));
        return counts;
    }
}
