package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report paths that cannot work are command-line mistakes, found before any target is touched: exit 64, one
 * line, and no report silently overwritten by another or written over the plan.
 */
class ReportPathsCommandTest {
    @TempDir
    Path dir;

    private Path plan() throws IOException {
        Files.createDirectories(dir.resolve("backups"));
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                backupSets:
                  - name: orders-db
                    target: { type: local, path: backups }
                    checks: { freshness: { maxAge: 26h } }
                """);
        return plan;
    }

    private static void isUsageError(CommandRunner result, String message) {
        assertThat(result.exitCode()).isEqualTo(64);
        assertThat(result.err()).startsWith("error: ").contains(message).doesNotContain("Exception");
        assertThat(result.out()).doesNotContain("Backup verification");
    }

    @Test
    void theSamePathForTwoReportsIsRefused() throws IOException {
        Path report = dir.resolve("report.out");

        CommandRunner result = CommandRunner.run("verify", plan().toString(), "--json", report.toString(),
                "--html", dir.resolve("./report.out").toString());

        isUsageError(result, "--json and --html");
        assertThat(report).doesNotExist();
    }

    @Test
    void aReportPathThatIsAFolderIsRefused() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("reports"));

        CommandRunner result = CommandRunner.run("verify", plan().toString(), "--junit", folder.toString());

        isUsageError(result, "is a folder");
        assertThat(folder).isDirectory();
    }

    @Test
    void aReportPathBelowAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("notes"), "a file, not a folder");

        CommandRunner result = CommandRunner.run("verify", plan().toString(), "--json",
                file.resolve("reports/report.json").toString());

        isUsageError(result, file + " is a file, not a folder");
    }

    @Test
    void anEmptyReportPathIsRefused() throws IOException {
        isUsageError(CommandRunner.run("verify", plan().toString(), "--json", ""), "--json");
    }

    @Test
    void aReportPathThatIsThePlanIsRefused() throws IOException {
        Path plan = plan();
        String before = Files.readString(plan);

        CommandRunner result = CommandRunner.run("verify", plan.toString(), "--json", plan.toString());

        isUsageError(result, "the plan file");
        assertThat(plan).hasContent(before);
    }
}
