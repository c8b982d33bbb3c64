package io.backupverify.engine.report;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.PostureChecks;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.LatestBackup;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes a run as one self-contained HTML page for people: the verdict at the top in colour and in words, what
 * needs attention (worst first, with advice, linked to the checks below), the run's facts, a table of the backup sets, then every check of every set with its summary, metrics and findings.
 * The page loads nothing from anywhere (inline style sheet, no scripts, no images, no fonts) and prints well.
 */
public final class HtmlReport {
    /** How many findings per check the summary at the top shows. */
    static final int TOP_FINDINGS = 3;

    /** Writes the page. It declares UTF-8, so {@code out} must encode UTF-8. */
    public void write(RunResult run, Writer out) throws IOException {
        new Page(run, out).write();
        out.flush();
    }

    private static final class Page {
        private final RunResult run;
        private final Writer out;

        Page(RunResult run, Writer out) {
            this.run = run;
            this.out = out;
        }

        void write() throws IOException {
            StatusStyle verdict = StatusStyle.of(run.status());
            raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            raw("<meta name=\"generator\" content=\"" + Html.escape(ReportIdentity.generator()) + "\">\n");
            raw("<meta name=\"backup-verify-schema\" content=\"" + Html.escape(JsonReport.SCHEMA) + "\">\n");
            raw("<title>" + Html.escape(run.status().name() + " \u2014 backup verification of " + run.plan())
                    + "</title>\n");
            raw("<style>\n" + HtmlStyleSheet.css() + "</style>\n</head>\n<body>\n");
            writeVerdict(verdict);
            writeProblems();
            writeFacts();
            writeSetTable();
            for (int i = 0; i < run.sets().size(); i++) {
                writeSet(i, run.sets().get(i));
            }
            raw("<footer>Written by " + Html.escape(ReportIdentity.generator()) + " \u00b7 report schema "
                    + Html.escape(JsonReport.SCHEMA) + " \u00b7 " + Html.escape(ReportFormats.time(run.finishedAt()))
                    + "</footer>\n</body>\n</html>\n");
        }

        private void writeVerdict(StatusStyle verdict) throws IOException {
            raw("<header class=\"verdict " + verdict.cssClass() + "\">\n");
            raw("<h1 class=\"label\">Backup verification verdict</h1>\n");
            raw("<p class=\"word\">" + run.status().name() + "</p>\n");
            raw("<p class=\"meaning\"><strong>" + Html.escape(verdict.headline()) + ":</strong> "
                    + Html.escape(verdict.explanation()) + "</p>\n");
            raw("<p class=\"tally\">Backup sets: " + Html.escape(tally(run.setCounts())) + ". Checks: "
                    + Html.escape(tally(run.checkCounts())) + ".</p>\n");
            if (run.sets().isEmpty()) {
                raw("<p class=\"tally\">No backup set was verified.</p>\n");
            }
            raw("</header>\n");
        }

        /**
         * What needs attention, before anything else: the sets that did not pass, worst first, each check that did
         * not pass with its worst findings and their advice, linked to the check's card below.
         */
        private void writeProblems() throws IOException {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < run.sets().size(); i++) {
                if (run.sets().get(i).status() != Status.PASS) {
                    order.add(i);
                }
            }
            if (order.isEmpty()) {
                return;
            }
            order.sort(Comparator.comparing((Integer i) -> run.sets().get(i).status()).reversed());
            raw("<section class=\"problems\">\n<h2>What needs attention</h2>\n<ol>\n");
            for (int index : order) {
                SetResult set = run.sets().get(index);
                raw("<li><a href=\"#" + anchor(index) + "\">" + Html.escape(set.name()) + "</a> " + badge(set.status())
                        + "\n<ul>\n");
                List<CheckResult> checks = new ArrayList<>(set.checks());
                checks.sort(Comparator.comparing(CheckResult::status).reversed());
                for (CheckResult check : checks) {
                    if (check.status() == Status.PASS) {
                        continue;
                    }
                    raw("<li><a href=\"#" + checkAnchor(index, check) + "\">" + Html.escape(check.id()) + "</a> "
                            + badge(check.status()) + " " + Html.escape(check.summary()));
                    writeTopFindings(check);
                    raw("</li>\n");
                }
                raw("</ul>\n</li>\n");
            }
            raw("</ol>\n</section>\n");
        }

        private void writeTopFindings(CheckResult check) throws IOException {
            List<Finding> worst = check.findings().stream().filter(f -> f.severity() == check.status())
                    .limit(TOP_FINDINGS).toList();
            if (worst.isEmpty()) {
                return;
            }
            raw("\n<ul class=\"top\">\n");
            for (Finding finding : worst) {
                raw("<li><span class=\"mono\">" + Html.escape(finding.item()) + "</span>: "
                        + Html.escape(finding.message()) + advice(finding) + "</li>\n");
            }
            long more = check.findings().stream().filter(f -> f.severity() == check.status()).count() - worst.size();
            if (more > 0) {
                raw("<li class=\"none\">" + more + " more " + (more == 1 ? "finding" : "findings")
                        + " below</li>\n");
            }
            raw("</ul>\n");
        }

        private static String advice(Finding finding) {
            return finding.advice() == null ? ""
                    : "<br><span class=\"advice\">What to do: " + Html.escape(finding.advice()) + "</span>";
        }

        private void writeFacts() throws IOException {
            raw("<dl class=\"facts\">\n");
            fact("Plan", run.plan(), true);
            fact("Run number", Long.toString(run.runNumber()), false);
            fact("Started", ReportFormats.time(run.startedAt()), false);
            fact("Finished", ReportFormats.time(run.finishedAt()), false);
            fact("Duration", ReportFormats.millis(run.durationMs()), false);
            raw("</dl>\n");
        }

        private void fact(String name, String value, boolean mono) throws IOException {
            raw("<dt>" + Html.escape(name) + "</dt><dd" + (mono ? " class=\"mono\"" : "") + ">" + Html.escape(value)
                    + "</dd>\n");
        }

        private void writeSetTable() throws IOException {
            raw("<h2>Backup sets</h2>\n<table class=\"sets\">\n<thead><tr><th>Backup set</th><th>Status</th>"
                    + "<th>Latest backup</th><th>Backup time</th><th class=\"num\">Files</th>"
                    + "<th class=\"num\">Size</th><th class=\"num\">Backups</th></tr></thead>\n<tbody>\n");
            for (int i = 0; i < run.sets().size(); i++) {
                SetResult set = run.sets().get(i);
                LatestBackup latest = set.latestBackup();
                raw("<tr><td><a href=\"#" + anchor(i) + "\">" + Html.escape(set.name()) + "</a></td><td>"
                        + badge(set.status()) + "</td>");
                if (latest == null) {
                    raw("<td class=\"none\" colspan=\"4\">no backup found</td>");
                } else {
                    raw("<td class=\"mono\">" + Html.escape(latest.id()) + "</td><td class=\"when\">"
                            + Html.escape(ReportFormats.time(latest.time())) + "</td><td class=\"num\">"
                            + Html.escape(ReportFormats.count(latest.files())) + "</td><td class=\"num\">"
                            + Html.escape(ReportFormats.bytes(latest.bytes())) + "</td>");
                }
                raw("<td class=\"num\">" + Html.escape(ReportFormats.count(set.backupCount())) + "</td></tr>\n");
            }
            if (run.sets().isEmpty()) {
                raw("<tr><td colspan=\"7\" class=\"none\">No backup set was verified.</td></tr>\n");
            }
            raw("</tbody>\n</table>\n");
        }

        private void writeSet(int index, SetResult set) throws IOException {
            raw("<section class=\"set\" id=\"" + anchor(index) + "\">\n");
            raw("<h2>" + Html.escape(set.name()) + " " + badge(set.status()) + "</h2>\n");
            raw("<p class=\"target\">Target: <span class=\"mono\">" + Html.escape(set.target()) + "</span></p>\n");
            if (set.checks().isEmpty()) {
                raw("<p class=\"none\">No checks ran for this backup set, so it is not proven good.</p>\n");
            }
            writePosture(set);
            for (CheckResult check : set.checks()) {
                writeCheck(index, check);
            }
            raw("</section>\n");
        }

        /** Encryption, access, immutability and copies at a glance, where any of them ran. */
        private void writePosture(SetResult set) throws IOException {
            List<CheckResult> posture = set.checks().stream().filter(c -> PostureChecks.isPosture(c.id()))
                    .sorted(java.util.Comparator.comparing(c -> PostureChecks.IDS.indexOf(c.id()))).toList();
            if (posture.isEmpty()) {
                return;
            }
            raw("<table class=\"posture\">\n<caption>Security posture</caption>\n<thead><tr><th>Check</th>"
                    + "<th>Status</th><th>Evidence</th></tr></thead>\n<tbody>\n");
            for (CheckResult check : posture) {
                raw("<tr><td>" + Html.escape(check.id()) + "</td><td>" + badge(check.status()) + "</td><td>"
                        + Html.escape(check.summary()) + "</td></tr>\n");
            }
            raw("</tbody>\n</table>\n");
        }

        private void writeCheck(int setIndex, CheckResult check) throws IOException {
            StatusStyle style = StatusStyle.of(check.status());
            raw("<article class=\"check " + style.cssClass() + "\" id=\"" + checkAnchor(setIndex, check) + "\">\n");
            raw("<div class=\"check-head\">\n<h3>" + Html.escape(check.id()) + " " + badge(check.status())
                    + " <span class=\"took\">took " + Html.escape(ReportFormats.millis(check.durationMs()))
                    + "</span></h3>\n");
            if (!check.summary().isBlank()) {
                raw("<p class=\"summary\">" + Html.escape(check.summary()) + "</p>\n");
            }
            raw("</div>\n");
            writeMetrics(check.metrics());
            if (!check.findings().isEmpty() || check.status() != Status.ERROR) {
                writeFindings(check.findings());
            }
            raw("</article>\n");
        }

        private void writeMetrics(Map<String, Object> metrics) throws IOException {
            if (metrics.isEmpty()) {
                return;
            }
            raw("<p class=\"metrics\">");
            for (Map.Entry<String, Object> metric : metrics.entrySet()) {
                raw("<span title=\"" + Html.escape(metric.getKey()) + "\"><b>"
                        + Html.escape(ReportFormats.metricLabel(metric.getKey())) + "</b> "
                        + Html.escape(ReportFormats.metric(metric.getKey(), metric.getValue())) + "</span>");
            }
            raw("</p>\n");
        }

        private void writeFindings(List<Finding> findings) throws IOException {
            if (findings.isEmpty()) {
                raw("<p class=\"none\">No findings.</p>\n");
                return;
            }
            raw("<table class=\"findings\">\n<caption class=\"none\">" + findings.size()
                    + (findings.size() == 1 ? " finding" : " findings")
                    + "</caption>\n<thead><tr><th>Severity</th><th>Item</th><th>Message</th></tr></thead>\n<tbody>\n");
            for (Finding finding : findings) {
                raw("<tr><td>" + badge(finding) + "</td><td class=\"mono\">" + Html.escape(finding.item())
                        + "</td><td>" + Html.escape(finding.message()) + advice(finding) + "</td></tr>\n");
            }
            raw("</tbody>\n</table>\n");
        }

        private static String badge(Status status) {
            return "<span class=\"badge " + StatusStyle.of(status).cssClass() + "\">" + status.name() + "</span>";
        }

        private static String badge(Finding finding) {
            if (finding.severity() != Status.PASS) {
                return badge(finding.severity());
            }
            return "<span class=\"badge note\">" + finding.label() + "</span>";
        }

        private static String anchor(int index) {
            return "set-" + (index + 1);
        }

        /** Unique within the page even when a set runs two checks of one kind. */
        private String checkAnchor(int setIndex, CheckResult check) {
            List<CheckResult> checks = run.sets().get(setIndex).checks();
            int position = 0;
            for (int i = 0; i < checks.size(); i++) {
                if (checks.get(i) == check) {
                    position = i;
                }
            }
            return anchor(setIndex) + "-check-" + (position + 1);
        }

        /** {@code 2 PASS, 1 FAIL}: only the statuses that occur, worst last. */
        private static String tally(Map<Status, Integer> counts) {
            List<String> parts = new ArrayList<>();
            counts.forEach((status, count) -> {
                if (count > 0) {
                    parts.add(count + " " + status.name());
                }
            });
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }

        private void raw(String html) throws IOException {
            out.write(html);
        }
    }
}
