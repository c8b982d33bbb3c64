package io.backupverify.engine.report;

import io.backupverify.engine.util.ToolVersion;

/** What every report says about where it came from. */
final class ReportIdentity {
    private ReportIdentity() {
    }

    /** {@code backup-verify 0.1.0}. */
    static String generator() {
        return ToolVersion.NAME + " " + ToolVersion.version();
    }
}
