package io.jenkins.plugins.backupverify.charts;

import edu.hm.hafner.echarts.BuildResult;
import hudson.model.Job;
import hudson.model.Run;
import io.backupverify.engine.summary.BuildSummary;
import io.backupverify.engine.trend.TrendHistory;
import io.jenkins.plugins.backupverify.model.BackupVerifyAction;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The job's builds that verified backups under one id, newest first, as the trend charts read them: the small numbers
 * of each build's {@link BackupVerifyAction} (build.xml only, never the report file). The walk stops after a fixed
 * number of builds, with or without results, so a long history is never loaded as a whole.
 */
final class BuildHistory implements Iterable<BuildResult<BuildSummary>> {
    private final Job<?, ?> job;
    private final String id;
    private final int maxBuilds;

    BuildHistory(Job<?, ?> job, String id, int maxBuilds) {
        this.job = job;
        this.id = id;
        this.maxBuilds = maxBuilds;
    }

    @Override
    public Iterator<BuildResult<BuildSummary>> iterator() {
        return new Iterator<>() {
            private Run<?, ?> cursor = job.getLastBuild();
            private int walked;
            private BuildResult<BuildSummary> next = advance();

            private BuildResult<BuildSummary> advance() {
                while (cursor != null && walked < maxBuilds) {
                    Run<?, ?> run = cursor;
                    cursor = run.getPreviousBuild();
                    walked++;
                    BackupVerifyAction action = run.isBuilding() ? null : BackupVerifyAction.of(run, id);
                    if (action != null) {
                        return TrendHistory.entry(run.getNumber(), run.getDisplayName(), run.getTimeInMillis(),
                                action.getBuildSummary());
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public BuildResult<BuildSummary> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                BuildResult<BuildSummary> current = next;
                next = advance();
                return current;
            }
        };
    }
}
