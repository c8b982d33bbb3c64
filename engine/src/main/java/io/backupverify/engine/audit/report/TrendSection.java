package io.backupverify.engine.audit.report;

import io.backupverify.engine.audit.AuditResult;
import io.backupverify.engine.report.Html;

/** The trend charts of the history as a section of the verify HTML report. */
public final class TrendSection {
    private TrendSection() {
    }

    /** The section, or an empty string when the history has nothing to chart. */
    public static String html(AuditResult history) {
        String charts = new ChartSection().html(new AuditCharts().charts(history));
        if (charts.isEmpty()) {
            return "";
        }
        return "<style>\n" + ChartSection.CSS + "</style>\n<section class=\"set\" id=\"trends\">\n<h2>Trends over the "
                + "last " + Html.escape(history.spec().period().toString()) + " of recorded runs</h2>\n<p class=\"none\">"
                + history.verifyRuns() + " verify and " + history.restoreRuns() + " restore-test runs from the history "
                + "folder; run <span class=\"mono\">backup-verify audit</span> for findings and corrective actions."
                + "</p>\n" + charts + "</section>\n";
    }
}
