package io.backupverify.engine.trend;

import edu.hm.hafner.echarts.Build;
import edu.hm.hafner.echarts.BuildResult;
import io.backupverify.engine.summary.BuildSummary;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The build history the charts walk, newest build first. Walking stops after a fixed number of builds, so a chart
 * never touches more build records than it was allowed to, however long the job's history is.
 */
public final class TrendHistory implements Iterable<BuildResult<BuildSummary>> {
    private final Iterable<BuildResult<BuildSummary>> newestFirst;
    private final int maxBuilds;

    private TrendHistory(Iterable<BuildResult<BuildSummary>> newestFirst, int maxBuilds) {
        this.newestFirst = Objects.requireNonNull(newestFirst, "newestFirst");
        if (maxBuilds < 1) {
            throw new IllegalArgumentException("maxBuilds must be at least 1, not " + maxBuilds);
        }
        this.maxBuilds = maxBuilds;
    }

    /**
     * A history that yields at most {@code maxBuilds} entries of the given one, which is read lazily.
     *
     * @param newestFirst the builds that have a summary, newest first
     */
    public static TrendHistory of(Iterable<BuildResult<BuildSummary>> newestFirst, int maxBuilds) {
        return new TrendHistory(newestFirst, maxBuilds);
    }

    /**
     * One build of the history.
     *
     * @param startTimeMillis when the build started, milliseconds since the epoch
     */
    public static <T> BuildResult<T> entry(int number, String displayName, long startTimeMillis, T values) {
        int seconds = (int) Math.min(Integer.MAX_VALUE, Math.max(0, startTimeMillis / 1000));
        return new BuildResult<>(new Build(number, displayName, seconds), values);
    }

    public int maxBuilds() {
        return maxBuilds;
    }

    @Override
    public Iterator<BuildResult<BuildSummary>> iterator() {
        Iterator<BuildResult<BuildSummary>> source = newestFirst.iterator();
        return new Iterator<>() {
            private int taken;

            @Override
            public boolean hasNext() {
                return taken < maxBuilds && source.hasNext();
            }

            @Override
            public BuildResult<BuildSummary> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                taken++;
                return source.next();
            }
        };
    }
}
