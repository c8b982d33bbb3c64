package io.backupverify.engine.summary;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import java.util.List;

/** One check of one set as a page shows it, with its findings. */
public final class CheckView {
    /** How many findings the short summary shows per check before "and N more". */
    public static final int HEAD_FINDINGS = 5;

    private final String id;
    private final Status status;
    private final String summary;
    private final long durationMs;
    private final List<FindingView> findings;

    CheckView(CheckResult check) {
        this.id = check.id();
        this.status = check.status();
        this.summary = check.summary();
        this.durationMs = check.durationMs();
        this.findings = check.findings().stream().map(FindingView::new).toList();
    }

    public String getId() {
        return id;
    }

    public String getStatus() {
        return status.name();
    }

    public boolean isPassed() {
        return status == Status.PASS;
    }

    public String getSummary() {
        return summary;
    }

    public long getDurationMs() {
        return durationMs;
    }

    public List<FindingView> getFindings() {
        return findings;
    }

    /** The first findings, for the short summary. */
    public List<FindingView> getHeadFindings() {
        return findings.subList(0, Math.min(HEAD_FINDINGS, findings.size()));
    }

    /** How many findings {@link #getHeadFindings()} leaves out. */
    public int getMoreFindings() {
        return Math.max(0, findings.size() - HEAD_FINDINGS);
    }
}
