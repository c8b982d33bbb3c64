package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreTestCommandTest {
    @TempDir
    Path dir;
    Path scratch;
    Path plan;

    @BeforeEach
    void backupAndPlan() throws IOException, InterruptedException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>shop</h1>\n");
        exec(site, "sh", "-c", "sha256sum index.html > SHA256SUMS");
        Path backup = Files.createDirectories(dir.resolve("backups/web-" + Instant.now().toString().substring(0, 10)));
        exec(site, "tar", "-czf", backup.resolve("site.tar.gz").toString(), ".");
        scratch = Files.createDirectories(dir.resolve("scratch"));
        plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                backupSets:
                  - name: web
                    target: { type: local, path: backups }
                    layout: { kind: directory-per-backup, namePattern: "web-{yyyy-MM-dd}" }
                    checks: { freshness: { maxAge: 2d } }
                    restoreTest:
                      rto: 5m
                      restore: { kind: archive }
                      validate: [ { checksums: SHA256SUMS }, { required: [index.html] } ]
                  - name: other
                    target: { type: local, path: backups }
                    layout: { kind: directory-per-backup, namePattern: "web-{yyyy-MM-dd}" }
                    checks: { freshness: { maxAge: 2d } }
                """);
    }

    private static void exec(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(process.waitFor()).isZero();
    }

    @Test
    void restoresValidatesAndReportsTheRestoreCheckInEveryFormat() throws IOException {
        Path json = dir.resolve("out/report.json");
        Path junit = dir.resolve("out/junit.xml");
        Path html = dir.resolve("out/report.html");

        CommandRunner result = CommandRunner.run("restore-test", plan.toString(), "--scratch", scratch.toString(),
                "--json", json.toString(), "--junit", junit.toString(), "--html", html.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("PASS").contains("web").contains("restore");
        JsonNode check = new ObjectMapper().readTree(json.toFile()).path("backupSets").get(0).path("checks").get(0);
        assertThat(new ObjectMapper().readTree(json.toFile()).path("backupSets")).hasSize(1);
        assertThat(check.path("id").asText()).isEqualTo("restore");
        assertThat(check.path("status").asText()).isEqualTo("PASS");
        assertThat(check.path("metrics").path("restoredFiles").asLong()).isEqualTo(2);
        assertThat(check.path("metrics").has("restoreMs")).isTrue();
        assertThat(check.path("metrics").path("rtoMs").asLong()).isEqualTo(300_000);
        assertThat(Files.readString(junit)).contains("restore");
        assertThat(Files.readString(html)).contains("restoreMs");
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aStaleScratchFolderOfAKilledRunIsRemovedAndSaid() throws IOException {
        Path stale = Files.createDirectories(scratch.resolve("backup-verify-restore-web-123"));
        Files.writeString(stale.resolve("restored-secret.txt"), "left behind");
        Path marker = Files.writeString(stale.resolve(".backup-verify-scratch"), "");
        Files.setLastModifiedTime(marker, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        Path unrelated = Files.createDirectories(scratch.resolve("backup-verify-restore-not-ours"));

        CommandRunner result = CommandRunner.run("restore-test", plan.toString(), "--scratch", scratch.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("removed stale scratch folder " + stale);
        assertThat(stale).doesNotExist();
        assertThat(unrelated).as("a folder without the marker is not ours").exists();
    }

    @Test
    void withAHistoryABackupThatCouldNotBeRestoredIsRestoredAgainUntilItIs() throws IOException, InterruptedException {
        // four backups within the random-within period, yesterday's cut short
        for (int day = 1; day <= 3; day++) {
            Path other = Files.createDirectories(dir.resolve("backups/web-"
                    + Instant.now().minus(day, ChronoUnit.DAYS).toString().substring(0, 10)));
            exec(dir.resolve("site"), "tar", "-czf", other.resolve("site.tar.gz").toString(), ".");
        }
        String broken = "web-" + Instant.now().minus(1, ChronoUnit.DAYS).toString().substring(0, 10);
        Path archive = dir.resolve("backups/" + broken + "/site.tar.gz");
        byte[] whole = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(plan, Files.readString(plan).replace("rto: 5m", "rto: 5m\n      select: { random-within: 5d }"));
        Path json = dir.resolve("report.json");

        // runs (one a day, each its own run number) until one picks the broken backup and fails (exit 2)
        int number = 0;
        CommandRunner failed;
        do {
            failed = restoreTest(json, ++number);
        } while (failed.exitCode() == 0 && number < 100);
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(2);
        assertThat(restored(json)).isEqualTo(broken);

        // every later run restores it again, and fails, instead of picking another and passing, until it is mended
        for (int run = 1; run <= 3; run++) {
            CommandRunner again = restoreTest(json, number + run);
            assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(2);
            assertThat(restored(json)).isEqualTo(broken);
            assertThat(check(json).path("metrics").path("select").asText())
                    .contains("restoring again the backup the previous test could not restore");
        }
        Files.write(archive, whole);
        CommandRunner mended = restoreTest(json, number + 4);
        assertThat(mended.exitCode()).as(mended.out() + mended.err()).isZero();
        assertThat(restored(json)).isEqualTo(broken);
    }

    private CommandRunner restoreTest(Path json, int runNumber) {
        return CommandRunner.run("restore-test", plan.toString(), "--scratch", scratch.toString(), "--history",
                dir.resolve("history").toString(), "--json", json.toString(), "--run-number",
                String.valueOf(runNumber));
    }

    private static JsonNode check(Path json) throws IOException {
        return new ObjectMapper().readTree(json.toFile()).path("backupSets").get(0).path("checks").get(0);
    }

    private static String restored(Path json) throws IOException {
        return check(json).path("metrics").path("backup").asText();
    }

    @Test
    void commandLineMistakesAreExitCode64() {
        CommandRunner noTest = CommandRunner.run("restore-test", plan.toString(), "--set", "other");
        assertThat(noTest.exitCode()).isEqualTo(64);
        assertThat(noTest.err()).contains("none of the sets named has a restoreTest key");

        CommandRunner badScratch = CommandRunner.run("restore-test", plan.toString(), "--scratch",
                dir.resolve("absent").toString());
        assertThat(badScratch.exitCode()).isEqualTo(64);
        assertThat(badScratch.err()).contains("is not a folder");
    }

    @Test
    void verifyDoesNotRestore() {
        CommandRunner result = CommandRunner.run("verify", plan.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).doesNotContain("restore");
    }
}
