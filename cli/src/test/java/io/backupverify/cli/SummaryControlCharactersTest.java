package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names on the target reach the printed summary. A file name holding terminal control characters (escape
 * sequences, carriage returns, line breaks) must not be able to recolour, overwrite or forge lines of it.
 */
class SummaryControlCharactersTest {
    @TempDir
    Path dir;

    @Test
    void controlCharactersInFileNamesArePrintedVisiblyNotObeyed() throws IOException {
        Path backup = Files.createDirectories(dir.resolve("backups/b1"));
        Files.writeString(backup.resolve("a"), "a");
        Files.writeString(backup.resolve("SHA256SUMS"),
                "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  a\n");
        Files.writeString(backup.resolve("x\u001B[2K\rPASS\nforged"), "extra");
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                backupSets:
                  - name: files
                    target: { type: local, path: backups }
                    checks: { integrity: {} }
                """);

        CommandRunner result = CommandRunner.run("verify", plan.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).doesNotContain("\u001B").doesNotContain("\r").doesNotContain("\nforged")
                .contains("b1/x\\u001B[2K\\u000DPASS\\u000Aforged: not listed in SHA256SUMS");
    }
}
