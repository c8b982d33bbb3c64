package io.backupverify.engine.summary;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The few numbers of one run that trend charts need, small enough to keep with every build record: counts per status
 * for sets and checks, what integrity verified, capacity per target and restore time per set. Built once from the full
 * result; charts never need the full report again.
 *
 * @param status        the run's verdict
 * @param setCounts     sets per status, every status present
 * @param checkCounts   checks per status, every status present
 * @param verifiedBytes bytes the integrity checks verified (0 when none ran)
 * @param verifiedFiles files the integrity checks verified (0 when none ran)
 * @param capacity      capacity per target, in plan order, one entry per target
 * @param restoreTimes  restore time against the RTO per set that had a restore test, in plan order
 */
public record BuildSummary(Status status, Map<Status, Integer> setCounts, Map<Status, Integer> checkCounts,
        long verifiedBytes, long verifiedFiles, List<CapacityFigure> capacity, List<RestoreTimeFigure> restoreTimes) {
    public BuildSummary {
        Objects.requireNonNull(status, "status");
        setCounts = complete(setCounts);
        checkCounts = complete(checkCounts);
        capacity = List.copyOf(capacity);
        restoreTimes = List.copyOf(restoreTimes);
    }

    /** A summary of a run without restore tests. */
    public BuildSummary(Status status, Map<Status, Integer> setCounts, Map<Status, Integer> checkCounts,
            long verifiedBytes, long verifiedFiles, List<CapacityFigure> capacity) {
        this(status, setCounts, checkCounts, verifiedBytes, verifiedFiles, capacity, List.of());
    }

    public static BuildSummary of(RunResult run) {
        long bytes = 0;
        long files = 0;
        List<CapacityFigure> capacity = new ArrayList<>();
        Set<String> targetsSeen = new LinkedHashSet<>();
        for (SetResult set : run.sets()) {
            var integrity = CheckMetrics.check(set, CheckMetrics.INTEGRITY);
            if (integrity.isPresent()) {
                bytes += CheckMetrics.wholeNumber(integrity.get(), "verifiedBytes").orElse(0);
                files += CheckMetrics.wholeNumber(integrity.get(), "verifiedFiles").orElse(0);
            }
            var capacityCheck = CheckMetrics.check(set, CheckMetrics.CAPACITY);
            if (capacityCheck.isPresent() && targetsSeen.add(set.target())) {
                capacityOf(set.target(), capacityCheck.get()).ifPresent(capacity::add);
            }
        }
        return new BuildSummary(run.status(), run.setCounts(), run.checkCounts(), bytes, files, capacity,
                RestoreTimeFigure.of(run));
    }

    private static Optional<CapacityFigure> capacityOf(String target, CheckResult check) {
        OptionalLong used = CheckMetrics.wholeNumber(check, "usedBytes");
        if (used.isEmpty()) {
            return Optional.empty();
        }
        long total = CheckMetrics.wholeNumber(check, "totalBytes").orElse(0);
        OptionalDouble published = CheckMetrics.number(check, "usedPercent");
        double percent;
        if (published.isPresent() && published.getAsDouble() >= 0) {
            percent = published.getAsDouble();
        } else {
            percent = total > 0 ? 100.0 * used.getAsLong() / total : 0;
        }
        return Optional.of(new CapacityFigure(target, used.getAsLong(), total, percent));
    }

    private static Map<Status, Integer> complete(Map<Status, Integer> counts) {
        Map<Status, Integer> all = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            Integer count = counts.get(status);
            all.put(status, count == null ? 0 : Math.max(0, count));
        }
        return Collections.unmodifiableMap(all);
    }

    public int setTotal() {
        return total(setCounts);
    }

    public int checkTotal() {
        return total(checkCounts);
    }

    /** Share of sets that passed, 0–100; 0 when there were no sets (a run without sets is an ERROR). */
    public double setSuccessPercent() {
        return percent(setCounts.get(Status.PASS), setTotal());
    }

    /** Share of checks that passed, 0–100; 0 when there were no checks. */
    public double checkSuccessPercent() {
        return percent(checkCounts.get(Status.PASS), checkTotal());
    }

    private static int total(Map<Status, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
