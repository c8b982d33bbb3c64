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
import java.util.stream.Collectors;

/** The summary printed after a run: a table of sets, then every check that did not pass, with its findings. */
final class SummaryPrinter {
    static final int MAX_FINDINGS_PER_CHECK = 20;

    private SummaryPrinter() {
    }

    static void print(RunResult run, PrintWriter out) {
        Map<Status, Integer> checks = run.checkCounts();
        int checkTotal = checks.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("Backup verification: %s  (%d set%s, %d checks: %s; %s)%n%n", run.status(), run.sets().size(),
                run.sets().size() == 1 ? "" : "s", checkTotal,
                checks.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")),
                DurationValue.format(Duration.ofMillis(run.durationMs())));
        printTable(run, out);
        printProblems(run, out);
        out.flush();
    }

    private static void printTable(RunResult run, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STATUS", "SET", "LATEST BACKUP", "SIZE", "CHECKS"});
        for (SetResult set : run.sets()) {
            String latest = set.latestBackup() == null ? "(none)" : TerminalText.safe(set.latestBackup().id());
            String size = set.latestBackup() == null || set.latestBackup().bytes() < 0 ? "-"
                    : set.latestBackup().files() + (set.latestBackup().files() == 1 ? " file, " : " files, ")
                            + ByteSize.format(set.latestBackup().bytes());
            String checks = set.checks().stream().map(check -> check.id() + " " + check.status())
                    .collect(Collectors.joining(", "));
            rows.add(new String[] {set.status().name(), TerminalText.safe(set.name()), latest, size, checks});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < row.length; i++) {
                line.append(' ').append(i == row.length - 1 ? row[i] : pad(row[i], widths[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static void printProblems(RunResult run, PrintWriter out) {
        boolean header = false;
        for (SetResult set : run.sets()) {
            for (CheckResult check : set.checks()) {
                if (check.status() == Status.PASS) {
                    continue;
                }
                if (!header) {
                    out.printf("%nProblems:%n");
                    header = true;
                }
                out.printf("  %s / %s: %s - %s%n", TerminalText.safe(set.name()), check.id(), check.status(),
                        TerminalText.safe(check.summary()));
                List<Finding> findings = check.findings();
                findings.stream().limit(MAX_FINDINGS_PER_CHECK).forEach(finding -> out.printf("    %-5s %s: %s%n",
                        finding.severity(), TerminalText.safe(finding.item()), TerminalText.safe(finding.message())));
                if (findings.size() > MAX_FINDINGS_PER_CHECK) {
                    out.printf("    ... and %d more findings (see the reports)%n",
                            findings.size() - MAX_FINDINGS_PER_CHECK);
                }
            }
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
