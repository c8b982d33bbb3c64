package io.backupverify.engine.trend;

import edu.hm.hafner.echarts.BuildResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.summary.BuildSummary;
import io.backupverify.engine.summary.CapacityFigure;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A job history of {@code size} builds, newest first, made on demand; it counts how many builds were read so tests
 * can prove the charts stop walking early. What build n holds is described at {@link #summary(int)}.
 */
final class SyntheticHistory implements Iterable<BuildResult<BuildSummary>> {
    static final long GIB = 1024L * 1024 * 1024;
    private final int size;
    private int read;

    SyntheticHistory(int size) {
        this.size = size;
    }

    /**
     * Build n: 2 sets and 4 checks. Every third build one set and one check fail; every fifth one check warns.
     * Target "t" has n GiB of a 2000 GiB quota in use.
     */
    static BuildSummary summary(int n) {
        int failedChecks = n % 3 == 0 ? 1 : 0;
        int warnedChecks = n % 5 == 0 ? 1 : 0;
        int failedSets = failedChecks;
        Map<Status, Integer> sets = Map.of(Status.PASS, 2 - failedSets, Status.FAIL, failedSets);
        Map<Status, Integer> checks = Map.of(Status.PASS, 4 - failedChecks - warnedChecks, Status.WARN, warnedChecks,
                Status.FAIL, failedChecks);
        Status status = failedChecks > 0 ? Status.FAIL : warnedChecks > 0 ? Status.WARN : Status.PASS;
        long used = n * GIB;
        return new BuildSummary(status, sets, checks, 0, 0,
                List.of(new CapacityFigure("t", used, 2000 * GIB, 100.0 * n / 2000)));
    }

    int buildsRead() {
        return read;
    }

    @Override
    public Iterator<BuildResult<BuildSummary>> iterator() {
        return new Iterator<>() {
            private int next = size;

            @Override
            public boolean hasNext() {
                return next >= 1;
            }

            @Override
            public BuildResult<BuildSummary> next() {
                int number = next--;
                read++;
                return TrendHistory.entry(number, "#" + number, 1_700_000_000_000L + number * 86_400_000L,
                        summary(number));
            }
        };
    }
}
