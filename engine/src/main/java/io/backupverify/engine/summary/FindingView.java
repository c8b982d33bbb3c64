package io.backupverify.engine.summary;

import io.backupverify.engine.check.Finding;

/** One finding as a page shows it. */
public final class FindingView {
    private final String item;
    private final String message;
    private final String severity;

    FindingView(Finding finding) {
        this.item = finding.item();
        this.message = finding.message();
        this.severity = finding.severity().name();
    }

    public String getItem() {
        return item;
    }

    public String getMessage() {
        return message;
    }

    public String getSeverity() {
        return severity;
    }
}
