package io.jenkins.plugins.backupverify.audit;

import hudson.model.Job;
import hudson.model.Run;
import io.backupverify.engine.history.HistoryRead;
import io.backupverify.engine.history.RunRecord;
import io.jenkins.plugins.backupverify.model.BackupResultAction;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history an audit reads in Jenkins: the builds of the given jobs that started within the period, newest first
 * until the first older one, and of each build only the small history record of each backup step's call (a side
 * file of a few kilobytes), never a full report. A record that cannot be read is named and skipped.
 */
public final class BuildHistoryReader {
    private BuildHistoryReader() {
    }

    /**
     * @param jobs    the jobs whose builds are the history
     * @param since   the start of the audit period
     * @param current the audit's own build, read too (it may have verified before auditing)
     */
    public static HistoryRead read(List<? extends Job<?, ?>> jobs, Instant since, Run<?, ?> current) {
        List<RunRecord> records = new ArrayList<>();
        List<HistoryRead.DamagedFile> damaged = new ArrayList<>();
        long sinceMillis = since.toEpochMilli();
        for (Job<?, ?> job : jobs) {
            for (Run<?, ?> build = job.getLastBuild(); build != null; build = build.getPreviousBuild()) {
                if (build.getStartTimeInMillis() < sinceMillis) {
                    break;
                }
                if (build.isBuilding() && build != current) {
                    continue;
                }
                for (BackupResultAction action : build.getActions(BackupResultAction.class)) {
                    try {
                        RunRecord record = action.readHistoryRecord();
                        if (record != null) {
                            records.add(record);
                        }
                    } catch (IOException e) {
                        damaged.add(new HistoryRead.DamagedFile(build.getFullDisplayName() + " (" + action.getId()
                                + ")", e.getMessage()));
                    }
                }
            }
        }
        records.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
        return new HistoryRead(records, damaged);
    }
}
