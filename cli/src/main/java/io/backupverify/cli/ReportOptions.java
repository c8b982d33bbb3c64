package io.backupverify.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where to write the reports, and how to print the summary. */
final class ReportOptions {
    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report.")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report (for CI test views).")
    Path junit;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path html;

    @Option(names = {"-q", "--quiet"}, description = "Print only the problems and the verdict.")
    boolean quiet;

    @Option(names = "--no-color", description = "Never colour the statuses (also: the NO_COLOR variable).")
    boolean noColor;

    /** How the summary is printed on this process's standard output. */
    SummaryStyle summaryStyle() {
        return new SummaryStyle(Terminal.colour(noColor), Terminal.width(), quiet);
    }

    /** The options as {@link QuickCommandLine} read them. */
    static ReportOptions of(QuickCommandLine.Parsed parsed) {
        ReportOptions options = of(parsed.path("--json"), parsed.path("--junit"), parsed.path("--html"));
        options.quiet = parsed.flag("--quiet");
        options.noColor = parsed.flag("--no-color");
        return options;
    }

    static ReportOptions of(Path json, Path junit, Path html) {
        ReportOptions options = new ReportOptions();
        options.json = json;
        options.junit = junit;
        options.html = html;
        return options;
    }

    /**
     * Refuses report paths that cannot work, before anything is verified: an empty path, a folder, a path below a
     * file, the plan file itself, or one path for two reports (the second would silently replace the first).
     */
    void check(Path plan) throws UsageException {
        Map<String, Path> given = new LinkedHashMap<>();
        given.put("--json", json);
        given.put("--junit", junit);
        given.put("--html", html);
        Map<Path, String> seen = new HashMap<>();
        Path planFile = plan.toAbsolutePath().normalize();
        for (Map.Entry<String, Path> report : given.entrySet()) {
            if (report.getValue() == null) {
                continue;
            }
            String option = report.getKey();
            if (report.getValue().toString().isBlank()) {
                throw new UsageException(option + " needs a file name");
            }
            Path file = report.getValue().toAbsolutePath().normalize();
            if (Files.isDirectory(file)) {
                throw new UsageException(option + " " + report.getValue() + " is a folder; name a file in it");
            }
            for (Path folder = file.getParent(); folder != null; folder = folder.getParent()) {
                if (Files.exists(folder)) {
                    if (!Files.isDirectory(folder)) {
                        throw new UsageException(option + " " + report.getValue() + ": " + folder
                                + " is a file, not a folder");
                    }
                    break;
                }
            }
            if (file.equals(planFile)) {
                throw new UsageException(option + " " + report.getValue() + " is the plan file");
            }
            String earlier = seen.putIfAbsent(file, option);
            if (earlier != null) {
                throw new UsageException(earlier + " and " + option + " name the same file " + report.getValue()
                        + "; each report needs its own");
            }
        }
    }
}
