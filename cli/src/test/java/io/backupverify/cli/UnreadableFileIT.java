package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup file the verifying user may not read is an ERROR, never a pass. Root reads everything, so where the
 * tests run as root (CI does) the packaged command runs as the unprivileged user nobody, through setpriv.
 */
class UnreadableFileIT {
    @TempDir
    Path dir;

    @Test
    void aFileTheUserMayNotReadIsAnError() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path backup = Files.createDirectories(dir.resolve("backups/b-2026-11-28"));
        Files.writeString(backup.resolve("a"), "a");
        Files.writeString(backup.resolve("secret"), "secret");
        Files.writeString(backup.resolve("SHA256SUMS"),
                "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  a\n"
                        + "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b  secret\n");
        Files.setPosixFilePermissions(backup.resolve("secret"), PosixFilePermissions.fromString("---------"));
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.setPosixFilePermissions(reports, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(dir.resolve("plan.yaml"), """
                backupSets:
                  - name: files
                    target: { type: local, path: backups }
                    checks: { integrity: {} }
                """);

        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("backupVerify.jar"), "verify", "plan.yaml", "--json",
                reports.resolve("report.json").toString()));
        Process verify = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(verify.exitValue()).as(output).isEqualTo(3);
        JsonNode finding = new ObjectMapper().readTree(reports.resolve("report.json").toFile())
                .path("backupSets").get(0).path("checks").get(0).path("findings").get(0);
        assertThat(finding.path("item").asText()).isEqualTo("b-2026-11-28/secret");
        assertThat(finding.path("severity").asText()).isEqualTo("ERROR");
        assertThat(finding.path("message").asText()).startsWith("cannot read: permission denied");
        assertThat(finding.path("advice").asText()).contains("permissions");
    }
}
