package io.jenkins.plugins.backupverify.charts;

import edu.hm.hafner.echarts.Build;
import edu.hm.hafner.echarts.BuildResult;
import hudson.model.Job;
import hudson.model.Run;
import io.backupverify.engine.trend.AuditPoint;
import io.jenkins.plugins.backupverify.model.BackupAuditAction;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The job's builds that audited under one id, newest first, as the audit trend reads them: the small numbers of each
 * build's {@link BackupAuditAction} (build.xml only, never the audit report). The walk stops after a fixed number of
 * builds, with or without results.
 */
final class AuditBuildHistory implements Iterable<BuildResult<AuditPoint>> {
    private final Job<?, ?> job;
    private final String id;
    private final int maxBuilds;

    AuditBuildHistory(Job<?, ?> job, String id, int maxBuilds) {
        this.job = job;
        this.id = id;
        this.maxBuilds = maxBuilds;
    }

    @Override
    public Iterator<BuildResult<AuditPoint>> iterator() {
        return new Iterator<>() {
            private Run<?, ?> cursor = job.getLastBuild();
            private int walked;
            private BuildResult<AuditPoint> next = advance();

            private BuildResult<AuditPoint> advance() {
                while (cursor != null && walked < maxBuilds) {
                    Run<?, ?> run = cursor;
                    cursor = run.getPreviousBuild();
                    walked++;
                    BackupAuditAction action = run.isBuilding() ? null : BackupAuditAction.of(run, id);
                    if (action != null && action.getProblem() == null) {
                        int seconds = (int) Math.min(Integer.MAX_VALUE, Math.max(0, run.getTimeInMillis() / 1000));
                        return new BuildResult<>(new Build(run.getNumber(), run.getDisplayName(), seconds),
                                action.getTrendPoint());
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public BuildResult<AuditPoint> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                BuildResult<AuditPoint> current = next;
                next = advance();
                return current;
            }
        };
    }
}
