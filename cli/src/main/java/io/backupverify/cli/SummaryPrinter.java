package io.backupverify.cli;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.ByteSize;
import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The summary printed after a run: the verdict, a table of sets, then every check that did not pass, worst first,
 * with its findings (worst first) and what to do about each. {@code --quiet} leaves out the table.
 */
final class SummaryPrinter {
    static final int MAX_FINDINGS_PER_CHECK = 20;
    private static final String FINDING_INDENT = "    ";
    private static final String ADVICE_INDENT = "          ";

    private SummaryPrinter() {
    }

    static void print(RunResult run, PrintWriter out) {
        print(run, out, SummaryStyle.PLAIN);
    }

    static void print(RunResult run, PrintWriter out, SummaryStyle style) {
        // Loops rather than streams and lambdas: the summary is printed once, at the end, by the main thread alone,
        // where a stream's classes and a lambda's linking cost more than the work.
        Map<Status, Integer> checks = run.checkCounts();
        int checkTotal = 0;
        StringJoiner counts = new StringJoiner(", ");
        for (Map.Entry<Status, Integer> count : checks.entrySet()) {
            checkTotal += count.getValue();
            if (count.getValue() > 0) {
                counts.add(count.getValue() + " " + style.status(count.getKey()));
            }
        }
        out.printf("Backup verification: %s  (%s, %s: %s; %s)%n", style.status(run.status()),
                plural(run.sets().size(), "set", "sets"), plural(checkTotal, "check", "checks"), counts,
                DurationValue.format(Duration.ofMillis(run.durationMs())));
        if (!style.quiet()) {
            out.println();
            printTable(run, out, style);
        }
        printProblems(run, out, style);
        out.flush();
    }

    static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static void printTable(RunResult run, PrintWriter out, SummaryStyle style) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STATUS", "SET", "LATEST BACKUP", "SIZE", "CHECKS"});
        for (SetResult set : run.sets()) {
            String latest = set.latestBackup() == null ? "(none)" : TerminalText.safe(set.latestBackup().id());
            String size = set.latestBackup() == null || set.latestBackup().bytes() < 0 ? "-"
                    : plural(set.latestBackup().files(), "file", "files") + ", "
                            + ByteSize.format(set.latestBackup().bytes());
            StringJoiner checks = new StringJoiner(", ");
            for (CheckResult check : set.checks()) {
                checks.add(check.id() + " " + check.status());
            }
            rows.add(new String[] {set.status().name(), TerminalText.safe(set.name()), latest, size,
                checks.toString()});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < row.length - 1; i++) {
                String cell = pad(row[i], widths[i]);
                line.append(' ').append(r > 0 && i == 0
                        ? style.status(run.sets().get(r - 1).status()) + cell.substring(row[i].length()) : cell);
            }
            int indent = 2;
            for (int i = 0; i < widths.length - 1; i++) {
                indent += widths[i] + 1;
            }
            String last = row[row.length - 1];
            if (style.width() > 0 && indent + last.length() > style.width() && style.width() - indent >= 20) {
                // The last column (the checks) wraps under itself rather than running off the screen.
                last = wrap(last, style.width() - indent, "", style).replace(System.lineSeparator(),
                        System.lineSeparator() + " ".repeat(indent));
            }
            out.println((line + " " + last).stripTrailing());
        }
    }

    private static void printProblems(RunResult run, PrintWriter out, SummaryStyle style) {
        List<SetResult> sets = new ArrayList<>(run.sets());
        sets.sort((a, b) -> b.status().compareTo(a.status()));
        boolean header = false;
        for (SetResult set : sets) {
            List<CheckResult> checks = new ArrayList<>(set.checks());
            checks.sort((a, b) -> b.status().compareTo(a.status()));
            for (CheckResult check : checks) {
                if (check.status() == Status.PASS) {
                    continue;
                }
                if (!header) {
                    out.printf("%nProblems, worst first:%n");
                    header = true;
                }
                out.println(wrap(String.format("  %s / %s: %s - %s", TerminalText.safe(set.name()), check.id(),
                        style.status(check.status()), TerminalText.safe(check.summary())), style.width(),
                        FINDING_INDENT, style));
                List<Finding> findings = new ArrayList<>(check.findings());
                findings.sort((a, b) -> b.severity().compareTo(a.severity()));
                for (Finding finding : findings.subList(0, Math.min(findings.size(), MAX_FINDINGS_PER_CHECK))) {
                    printFinding(finding, out, style);
                }
                if (findings.size() > MAX_FINDINGS_PER_CHECK) {
                    int more = findings.size() - MAX_FINDINGS_PER_CHECK;
                    out.printf("    ... and %s (see the reports)%n", plural(more, "more finding", "more findings"));
                }
            }
        }
    }

    private static void printFinding(Finding finding, PrintWriter out, SummaryStyle style) {
        String label = String.format("%-5s", finding.label());
        String line = FINDING_INDENT + style.paint(finding.severity() == Status.PASS ? Status.PASS
                : finding.severity(), label) + " " + TerminalText.safe(finding.item()) + ": "
                + TerminalText.safe(finding.message());
        out.println(wrap(line, style.width(), ADVICE_INDENT, style));
        if (finding.advice() != null) {
            out.println(wrap(ADVICE_INDENT + "what to do: " + TerminalText.safe(finding.advice()), style.width(),
                    ADVICE_INDENT, style));
        }
    }

    /**
     * The line wrapped at spaces to the width (0: as it is), continuation lines indented. Colour codes take no
     * room on the screen, so they are not counted.
     */
    static String wrap(String line, int width, String indent, SummaryStyle style) {
        if (width <= 0 || visible(line) <= width) {
            return line;
        }
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') {
            lead++;
        }
        StringBuilder out = new StringBuilder();
        StringBuilder current = new StringBuilder(line.substring(0, lead));
        boolean first = true;
        for (String word : line.substring(lead).split(" +")) {
            if (!first && visible(current.toString()) + 1 + visible(word) > width) {
                out.append(current.toString().stripTrailing()).append(System.lineSeparator());
                current = new StringBuilder(indent).append(word);
            } else {
                current.append(first ? "" : " ").append(word);
            }
            first = false;
        }
        return out.append(current.toString().stripTrailing()).toString();
    }

    private static int visible(String text) {
        return text.replaceAll("\u001b\\[[0-9;]*m", "").length();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
