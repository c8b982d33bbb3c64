package io.backupverify.engine.history;

import io.backupverify.engine.check.Status;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One recorded run: what it was, when, its verdict and its sets. A few kilobytes, never a whole report. */
public record RunRecord(RunKind kind, String plan, long runNumber, Instant startedAt, Instant finishedAt,
        Status status, List<SetRecord> sets) {
    public RunRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(status, "status");
        plan = plan == null ? "" : plan;
        sets = List.copyOf(sets);
    }
}
