package io.backupverify.engine.report;

import io.backupverify.engine.util.ToolVersion;

/** What every report says about where it came from. */
final class ReportIdentity {
    /** The report schema the reports follow; the same identifier as the JSON report's. */
    static final String SCHEMA = "backup-verify/report/v1";

    private ReportIdentity() {
    }

    /** {@code backup-verify 0.1.0}. */
    static String generator() {
        return ToolVersion.NAME + " " + ToolVersion.version();
    }
}
