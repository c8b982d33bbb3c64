package io.jenkins.plugins.backupverify.charts;

import edu.hm.hafner.echarts.BuildResult;
import hudson.model.Job;
import hudson.model.Run;
import io.backupverify.engine.trend.TrendHistory;
import io.jenkins.plugins.backupverify.model.BackupResultAction;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The job's builds with a result of one type and id, newest first, each mapped to the small numbers a trend chart
 * reads (build.xml only, never the report files), as echarts-api's {@code GenericBuildActionIterator} maps build
 * actions. The walk stops after a fixed number of builds, with or without results, so a long history is never loaded
 * as a whole.
 *
 * @param <A> the build results
 * @param <R> what a chart reads of each; a result mapped to null (e.g. a plan that could not be used) is left out
 */
final class ResultHistory<A extends BackupResultAction, R> implements Iterable<BuildResult<R>> {
    private final Job<?, ?> job;
    private final Class<A> type;
    private final String id;
    private final int maxBuilds;
    private final Function<A, R> values;

    ResultHistory(Job<?, ?> job, Class<A> type, String id, int maxBuilds, Function<A, R> values) {
        this.job = job;
        this.type = type;
        this.id = id;
        this.maxBuilds = maxBuilds;
        this.values = values;
    }

    @Override
    public Iterator<BuildResult<R>> iterator() {
        return new Iterator<>() {
            private Run<?, ?> cursor = job.getLastBuild();
            private int walked;
            private BuildResult<R> next = advance();

            private BuildResult<R> advance() {
                while (cursor != null && walked < maxBuilds) {
                    Run<?, ?> run = cursor;
                    cursor = run.getPreviousBuild();
                    walked++;
                    A action = run.isBuilding() ? null : BackupResultAction.of(run, type, id);
                    R value = action == null ? null : values.apply(action);
                    if (value != null) {
                        return TrendHistory.entry(run.getNumber(), run.getDisplayName(), run.getTimeInMillis(),
                                value);
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public BuildResult<R> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                BuildResult<R> current = next;
                next = advance();
                return current;
            }
        };
    }
}
