package io.backupverify.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where to write the reports. */
final class ReportOptions {
    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report (schema backup-verify/report/v1).")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report (one test per set and check).")
    Path junit;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path html;

    static ReportOptions of(Path json, Path junit, Path html) {
        ReportOptions options = new ReportOptions();
        options.json = json;
        options.junit = junit;
        options.html = html;
        return options;
    }
}
