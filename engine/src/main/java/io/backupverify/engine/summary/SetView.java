package io.backupverify.engine.summary;

import io.backupverify.engine.check.PostureChecks;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.LatestBackup;
import io.backupverify.engine.run.SetResult;
import java.util.List;

/** One backup set as a page shows it: its verdict, latest backup and checks. */
public final class SetView {
    private final String name;
    private final String target;
    private final Status status;
    private final String latestBackupId;
    private final String latestBackupTime;
    private final long latestBackupBytes;
    private final int backupCount;
    private final List<CheckView> checks;

    SetView(SetResult set) {
        this.name = set.name();
        this.target = set.target();
        this.status = set.status();
        LatestBackup latest = set.latestBackup();
        this.latestBackupId = latest == null ? null : latest.id();
        this.latestBackupTime = latest == null || latest.time() == null ? null : latest.time().toString();
        this.latestBackupBytes = latest == null ? -1 : latest.bytes();
        this.backupCount = set.backupCount();
        this.checks = set.checks().stream().map(CheckView::new).toList();
    }

    public String getName() {
        return name;
    }

    public String getTarget() {
        return target;
    }

    public String getStatus() {
        return status.name();
    }

    public boolean isPassed() {
        return status == Status.PASS;
    }

    /** The newest backup's id, or null when the set has none. */
    public String getLatestBackupId() {
        return latestBackupId;
    }

    /** The newest backup's time (ISO-8601), or null. */
    public String getLatestBackupTime() {
        return latestBackupTime;
    }

    /** The newest backup's size, or -1 when unknown. */
    public long getLatestBackupBytes() {
        return latestBackupBytes;
    }

    public int getBackupCount() {
        return backupCount;
    }

    public List<CheckView> getChecks() {
        return checks;
    }

    /**
     * The posture checks that ran (encryption, access, immutability, copies), in that order, for a one-line
     * posture summary; empty when none ran.
     */
    public List<CheckView> getPosture() {
        return checks.stream().filter(check -> PostureChecks.isPosture(check.getId()))
                .sorted(java.util.Comparator.comparing(check -> PostureChecks.IDS.indexOf(check.getId()))).toList();
    }

    /** The checks that did not pass, worst first. */
    public List<CheckView> getFailingChecks() {
        return checks.stream()
                .filter(check -> !check.isPassed())
                .sorted((a, b) -> Status.valueOf(b.getStatus()).compareTo(Status.valueOf(a.getStatus())))
                .toList();
    }
}
