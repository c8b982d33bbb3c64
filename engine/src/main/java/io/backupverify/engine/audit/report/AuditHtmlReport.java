package io.backupverify.engine.audit.report;

import io.backupverify.engine.audit.AuditFinding;
import io.backupverify.engine.audit.AuditResult;
import io.backupverify.engine.audit.AuditText;
import io.backupverify.engine.audit.CapacityTrend;
import io.backupverify.engine.audit.ControlEvidence;
import io.backupverify.engine.audit.Controls;
import io.backupverify.engine.audit.CoverageStatement;
import io.backupverify.engine.audit.DurationTrend;
import io.backupverify.engine.audit.InventoryItem;
import io.backupverify.engine.audit.LatestCheck;
import io.backupverify.engine.audit.RecurringFailure;
import io.backupverify.engine.audit.RestoreReview;
import io.backupverify.engine.audit.RestoreTiming;
import io.backupverify.engine.audit.SetSuccess;
import io.backupverify.engine.audit.Severity;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.HistoryRead;
import io.backupverify.engine.report.Html;
import io.backupverify.engine.report.HtmlStyleSheet;
import io.backupverify.engine.util.ToolVersion;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The audit as one self-contained HTML page for auditors and owners: the verdict, the charts (ECharts inlined), the
 * findings with actions and escalation, the reviews behind them, the coverage statement and the control mapping.
 * It loads nothing from anywhere and prints readably.
 */
public final class AuditHtmlReport {
    private static final String CSS = """
            .sev { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-weight: 700; font-size: .85rem;
              border: 1px solid; white-space: nowrap; }
            .sev.critical { color: #a40e26; background: #ffebe9; }
            .sev.warning { color: #7d4e00; background: #fff8c5; }
            .sev.info { color: #0550ae; background: #ddf4ff; }
            .state { font-weight: 600; white-space: nowrap; }
            .state.findings { color: #a40e26; } .state.evidenced { color: #116329; } .state.none { color: #59636e; }
            ul.evidence { margin: .25rem 0 0; padding-left: 1.1rem; color: #59636e; font-size: .9rem; }
            .note { color: #59636e; font-size: .9rem; }
            section { margin-top: 1.75rem; }
            @media print { .charts, section { break-inside: auto; } .sev { print-color-adjust: exact;
              -webkit-print-color-adjust: exact; } }
            """;

    public void write(AuditResult audit, Writer out) throws IOException {
        new Page(audit, out).write();
        out.flush();
    }

    private static final class Page {
        private final AuditResult audit;
        private final Writer out;

        Page(AuditResult audit, Writer out) {
            this.audit = audit;
            this.out = out;
        }

        void write() throws IOException {
            raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            raw("<meta name=\"backup-verify-schema\" content=\"" + AuditJsonReport.SCHEMA + "\">\n");
            raw("<title>" + esc(audit.status().name() + " \u2014 backup audit of " + audit.plan()) + "</title>\n");
            raw("<style>\n" + HtmlStyleSheet.css() + ChartSection.CSS + CSS + "</style>\n</head>\n<body>\n");
            verdict();
            raw("<section><h2>Trends</h2>\n" + new ChartSection().html(new AuditCharts().charts(audit)) + "</section>\n");
            findings();
            successRates();
            recurring();
            capacity();
            durations();
            restoreTests();
            coverage();
            inventory();
            latest();
            controls();
            damaged();
            raw("<footer>Written by " + esc(ToolVersion.NAME + " " + ToolVersion.version()) + " \u00b7 audit schema "
                    + AuditJsonReport.SCHEMA + " \u00b7 " + esc(AuditText.time(audit.auditedAt()))
                    + "</footer>\n</body>\n</html>\n");
        }

        private void verdict() throws IOException {
            Status status = audit.status();
            raw("<header class=\"verdict s-" + status.name().toLowerCase(Locale.ROOT) + "\">\n");
            raw("<h1 class=\"label\">Backup audit verdict</h1>\n<p class=\"word\">" + status.name() + "</p>\n");
            raw("<p class=\"meaning\">" + esc(meaning(status)) + "</p>\n");
            raw("<p class=\"tally\">" + audit.count(Severity.CRITICAL) + " critical, " + audit.count(Severity.WARNING)
                    + " warning, " + audit.count(Severity.INFO) + " info findings.</p>\n</header>\n");
            raw("<dl class=\"facts\">\n");
            fact("Plan", audit.plan());
            fact("Period", audit.spec().period() + ": " + AuditText.time(audit.periodStart()) + " to "
                    + AuditText.time(audit.auditedAt()));
            fact("Runs reviewed", audit.verifyRuns() + " verify, " + audit.restoreRuns() + " restore-test");
            fact("Success rate", audit.overall().runs() == 0 ? "no runs"
                    : AuditText.percent(audit.overall().ratePercent()) + " overall (minimum "
                            + AuditText.percent(audit.spec().successRate().min().value()) + "); a run counts as "
                            + "successful when its verdict is PASS or WARN; WARN share "
                            + AuditText.percent(audit.overall().warnSharePercent()));
            fact("Frameworks", String.join(", ", audit.spec().frameworks().stream().map(Controls::frameworkName)
                    .toList()));
            raw("</dl>\n");
        }

        private static String meaning(Status status) {
            return switch (status) {
                case PASS -> "No finding needs action: the history meets the audit's thresholds.";
                case WARN -> "Warnings need action within the escalation times below; nothing is critical.";
                case FAIL -> "At least one critical finding needs action now.";
                case ERROR -> "No verify run was recorded in the period, so nothing is proven.";
            };
        }

        private void findings() throws IOException {
            raw("<section><h2>Findings and corrective actions</h2>\n");
            if (audit.findings().isEmpty()) {
                raw("<p class=\"none\">No findings.</p></section>\n");
                return;
            }
            raw("<table><thead><tr><th>#</th><th>Severity</th><th>Finding and evidence</th><th>Corrective action</th>"
                    + "<th>Escalate to</th><th>Controls</th></tr></thead><tbody>\n");
            for (int i = 0; i < audit.findings().size(); i++) {
                AuditFinding finding = audit.findings().get(i);
                raw("<tr id=\"finding-" + (i + 1) + "\"><td class=\"num\">" + (i + 1) + "</td><td>"
                        + severity(finding.severity()) + "</td><td><strong>" + esc(finding.title()) + "</strong>"
                        + list(finding.evidence()) + "</td><td>" + esc(finding.action()) + "</td><td>"
                        + esc(finding.escalation()) + "</td><td class=\"mono\">" + esc(String.join(", ",
                                finding.controls())) + "</td></tr>\n");
            }
            raw("</tbody></table></section>\n");
        }

        private void successRates() throws IOException {
            raw("<section><h2>Success rate</h2>\n<p class=\"note\">A run counts as successful for a set when the "
                    + "set's verdict is PASS or WARN; FAIL and ERROR count against it. The WARN share shows how much "
                    + "of the success was only a warning.</p>\n");
            raw("<table><thead><tr><th>Backup set</th><th class=\"num\">Runs</th><th class=\"num\">PASS</th>"
                    + "<th class=\"num\">WARN</th><th class=\"num\">FAIL</th><th class=\"num\">ERROR</th>"
                    + "<th class=\"num\">Success rate</th><th class=\"num\">WARN share</th></tr></thead><tbody>\n");
            for (SetSuccess set : audit.successRates()) {
                successRow(set, false);
            }
            successRow(audit.overall(), true);
            raw("</tbody></table></section>\n");
        }

        private void successRow(SetSuccess set, boolean total) throws IOException {
            String open = total ? "<strong>" : "";
            String close = total ? "</strong>" : "";
            raw("<tr><td>" + open + esc(set.set()) + close + "</td><td class=\"num\">" + set.runs()
                    + "</td><td class=\"num\">" + set.passed() + "</td><td class=\"num\">" + set.warned()
                    + "</td><td class=\"num\">" + set.failed() + "</td><td class=\"num\">" + set.errors()
                    + "</td><td class=\"num\">" + open + (set.runs() == 0 ? "-" : AuditText.percent(set.ratePercent()))
                    + close + "</td><td class=\"num\">" + AuditText.percent(set.warnSharePercent()) + "</td></tr>\n");
        }

        private void recurring() throws IOException {
            raw("<section><h2>Recurring failures</h2>\n");
            if (audit.recurringFailures().isEmpty()) {
                raw("<p class=\"none\">No check failed on the same set in more than one run.</p></section>\n");
                return;
            }
            raw("<table><thead><tr><th>Set</th><th>Check</th><th class=\"num\">Failed</th><th>First seen</th>"
                    + "<th>Last seen</th><th>Now</th><th>Last message</th></tr></thead><tbody>\n");
            for (RecurringFailure failure : audit.recurringFailures()) {
                raw("<tr><td>" + esc(failure.set()) + "</td><td>" + esc(failure.kind() + " " + failure.check())
                        + "</td><td class=\"num\">" + failure.count() + " of " + failure.runs() + "</td><td class=\"when\">"
                        + esc(AuditText.time(failure.firstSeen())) + "</td><td class=\"when\">"
                        + esc(AuditText.time(failure.lastSeen())) + "</td><td>" + (failure.stillFailing()
                                ? "still failing" : "recovered") + "</td><td>" + esc(failure.lastSummary())
                        + "</td></tr>\n");
            }
            raw("</tbody></table></section>\n");
        }

        private void capacity() throws IOException {
            raw("<section><h2>Capacity and forecast</h2>\n");
            if (audit.capacity().isEmpty()) {
                raw("<p class=\"none\">No capacity check ran in the period.</p></section>\n");
                return;
            }
            raw("<p class=\"note\">Least squares over the period's measurements of used bytes; the dates are when the "
                    + "fitted line reaches " + AuditText.percent(audit.spec().capacity().warnAt().value())
                    + " and 100% of the target's latest size.</p>\n");
            raw("<table><thead><tr><th>Target</th><th class=\"num\">Used</th><th class=\"num\">Points</th>"
                    + "<th>Reaches warnAt</th><th>Full</th><th>Forecast</th></tr></thead><tbody>\n");
            for (CapacityTrend trend : audit.capacity()) {
                raw("<tr><td class=\"mono\">" + esc(trend.target()) + "</td><td class=\"num\">"
                        + (trend.latestPercent() < 0 ? "-" : AuditText.percent(trend.latestPercent()))
                        + "</td><td class=\"num\">" + trend.usedBytes().size() + "</td><td class=\"when\">"
                        + esc(AuditText.day(trend.warnDate())) + "</td><td class=\"when\">"
                        + esc(AuditText.day(trend.fullDate())) + "</td><td>" + esc(trend.forecast()) + "</td></tr>\n");
            }
            raw("</tbody></table></section>\n");
        }

        private void durations() throws IOException {
            if (audit.durations().isEmpty()) {
                return;
            }
            raw("<section><h2>Backup durations</h2>\n<table><thead><tr><th>Set</th><th class=\"num\">Backups</th>"
                    + "<th class=\"num\">Trend over the period</th><th>Slowing</th></tr></thead><tbody>\n");
            for (DurationTrend trend : audit.durations()) {
                raw("<tr><td>" + esc(trend.set()) + "</td><td class=\"num\">" + trend.seconds().size()
                        + "</td><td class=\"num\">" + (trend.fit() == null ? "-" : (trend.growthPercent() >= 0 ? "+" : "")
                                + AuditText.percent(trend.growthPercent())) + "</td><td>" + (trend.slowing() ? "yes"
                                        : "no") + "</td></tr>\n");
            }
            raw("</tbody></table></section>\n");
        }

        private void restoreTests() throws IOException {
            raw("<section><h2>Restore tests</h2>\n");
            if (audit.spec().restoreTests() == null) {
                raw("<p class=\"none\">The plan's audit section does not require restore tests (restoreTests), so "
                        + "recovery within an RTO (CP-10) is not evidenced here.</p></section>\n");
                return;
            }
            var spec = audit.spec().restoreTests();
            raw("<p class=\"note\">Required: at least " + spec.atLeast() + " per " + esc(spec.per() == null
                    ? audit.spec().period().toString() : spec.per().toString()) + (spec.rto() == null ? ""
                            : ", each restored within the RTO of " + esc(spec.rto().toString())) + ".</p>\n");
            raw("<table><thead><tr><th>Set</th><th class=\"num\">Tests in cadence</th><th>Latest</th>"
                    + "<th class=\"num\">Latest restore time</th><th class=\"num\">RTO</th><th class=\"num\">Over RTO"
                    + "</th></tr></thead><tbody>\n");
            for (RestoreReview review : audit.restoreTests()) {
                RestoreTiming latest = review.timings().isEmpty() ? null
                        : review.timings().get(review.timings().size() - 1);
                long over = review.timings().stream().filter(RestoreTiming::overRto).count();
                raw("<tr><td>" + esc(review.set()) + "</td><td class=\"num\">" + review.inCadence() + " of "
                        + review.required() + "</td><td>" + (latest == null ? "none" : latest.status() + " "
                                + esc(AuditText.time(latest.at()))) + "</td><td class=\"num\">" + (latest == null ? "-"
                                        : AuditText.seconds(latest.seconds())) + "</td><td class=\"num\">"
                        + (latest == null || latest.rtoSeconds() < 0 ? "-" : AuditText.seconds(latest.rtoSeconds()))
                        + "</td><td class=\"num\">" + over + "</td></tr>\n");
            }
            raw("</tbody></table></section>\n");
        }

        private void coverage() throws IOException {
            raw("<section><h2>Coverage statement</h2>\n");
            if (audit.coverage().isEmpty()) {
                raw("<p class=\"none\">No set of the plan has an integrity check, so no file coverage is "
                        + "tracked.</p></section>\n");
                return;
            }
            raw("<ul>\n");
            for (CoverageStatement statement : audit.coverage()) {
                raw("<li>" + (statement.complete() ? "&#10003; " : "&#10007; ") + esc(statement.statement())
                        + "</li>\n");
            }
            raw("</ul></section>\n");
        }

        private void inventory() throws IOException {
            if (audit.inventory().isEmpty()) {
                return;
            }
            raw("<section><h2>Inventory of critical systems</h2>\n<table><thead><tr><th>System</th><th>Backup set"
                    + "</th><th class=\"num\">Runs</th><th class=\"num\">Successful</th><th>Covered</th></tr></thead>"
                    + "<tbody>\n");
            for (InventoryItem item : audit.inventory()) {
                raw("<tr><td>" + esc(item.system()) + "</td><td>" + (item.hasSet() ? "yes" : "<strong>missing</strong>")
                        + "</td><td class=\"num\">" + item.runs() + "</td><td class=\"num\">" + item.successfulRuns()
                        + "</td><td>" + (item.covered() ? "yes" : "<strong>no</strong>") + "</td></tr>\n");
            }
            raw("</tbody></table></section>\n");
        }

        private void latest() throws IOException {
            if (audit.latest().isEmpty()) {
                return;
            }
            raw("<section><h2>Latest results</h2>\n<p class=\"note\">Each check's verdict in the latest run that ran it, "
                    + "including retention and posture checks.</p>\n<table><thead><tr><th>Set</th><th>Check</th>"
                    + "<th>Status</th><th>When</th><th>Summary</th></tr></thead><tbody>\n");
            for (LatestCheck check : audit.latest()) {
                raw("<tr><td>" + esc(check.set()) + "</td><td>" + esc(check.check()) + "</td><td><span class=\"badge s-"
                        + check.status().name().toLowerCase(Locale.ROOT) + "\">" + check.status() + "</span></td>"
                        + "<td class=\"when\">" + esc(AuditText.time(check.at())) + "</td><td>" + esc(check.summary())
                        + "</td></tr>\n");
            }
            raw("</tbody></table></section>\n");
        }

        private void controls() throws IOException {
            raw("<section><h2>Compliance control mapping</h2>\n<p class=\"note\">Evidence this audit gives for each "
                    + "control: passing checks and reviews, and the findings (by number) against it. \u201cNo "
                    + "evidence\u201d means this tool has nothing to show for the control; evidence must come from "
                    + "elsewhere.</p>\n");
            String framework = null;
            for (ControlEvidence evidence : audit.controls()) {
                if (!evidence.control().framework().equals(framework)) {
                    if (framework != null) {
                        raw("</tbody></table>\n");
                    }
                    framework = evidence.control().framework();
                    raw("<h3>" + esc(Controls.frameworkName(framework)) + "</h3>\n<table><thead><tr><th>Control</th>"
                            + "<th>What it asks</th><th>State</th><th>Evidence</th><th>Findings</th></tr></thead>"
                            + "<tbody>\n");
                }
                String state = evidence.state();
                raw("<tr><td class=\"mono\">" + esc(evidence.control().id()) + "</td><td>"
                        + esc(evidence.control().title()) + "</td><td><span class=\"state " + (state.equals(
                                ControlEvidence.NO_EVIDENCE) ? "none" : state) + "\">" + esc(state) + "</span></td><td>"
                        + (evidence.passing().isEmpty() ? "-" : list(evidence.passing())) + "</td><td>"
                        + findingLinks(evidence.findings()) + "</td></tr>\n");
            }
            if (framework != null) {
                raw("</tbody></table>\n");
            }
            raw("</section>\n");
        }

        private void damaged() throws IOException {
            if (audit.damaged().isEmpty()) {
                return;
            }
            raw("<section><h2>Skipped history files</h2>\n<ul>\n");
            for (HistoryRead.DamagedFile file : audit.damaged()) {
                raw("<li><span class=\"mono\">" + esc(file.file()) + "</span>: " + esc(file.reason()) + "</li>\n");
            }
            raw("</ul></section>\n");
        }

        private static String findingLinks(List<Integer> numbers) {
            if (numbers.isEmpty()) {
                return "-";
            }
            StringBuilder links = new StringBuilder();
            for (int number : numbers) {
                links.append(links.length() == 0 ? "" : ", ").append("<a href=\"#finding-").append(number)
                        .append("\">#").append(number).append("</a>");
            }
            return links.toString();
        }

        private static String severity(Severity severity) {
            return "<span class=\"sev " + severity.label() + "\">" + severity.label().toUpperCase(Locale.ROOT)
                    + "</span>";
        }

        private static String list(List<String> items) {
            if (items.isEmpty()) {
                return "";
            }
            StringBuilder html = new StringBuilder("<ul class=\"evidence\">");
            items.forEach(item -> html.append("<li>").append(esc(item)).append("</li>"));
            return html.append("</ul>").toString();
        }

        private void fact(String name, String value) throws IOException {
            raw("<dt>" + esc(name) + "</dt><dd>" + esc(value) + "</dd>\n");
        }

        private static String esc(String text) {
            return Html.escape(text);
        }

        private void raw(String html) throws IOException {
            out.write(html);
        }
    }
}
