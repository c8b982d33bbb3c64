package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupverify.engine.restore.database.PostgresRestoreKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a user would: the README's demo, then a verify of the demo plan. */
class DemoJarIT {
    @TempDir
    Path dir;

    @Test
    void theDemoRunsFromThePackagedJarAndFindsThePlantedProblems() throws Exception {
        Path area = dir.resolve("demo area");

        Process demo = run("demo", area.toString());

        assertThat(demo.exitValue()).isZero();
        String out = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).contains("Backup verification: FAIL").contains("customer-files / integrity: FAIL")
                .contains("analytics-exports / freshness: FAIL");
        for (String report : List.of("report.json", "junit.xml", "report.html")) {
            assertThat(area.resolve("reports").resolve(report)).isNotEmptyFile();
        }
        JsonNode json = new ObjectMapper().readTree(area.resolve("reports/report.json").toFile());
        // the database set (restored into an embedded PostgreSQL) is there where the PostgreSQL client tools are
        boolean database = PostgresRestoreKind.embeddedRestorePossible();
        List<String> verified = new ArrayList<>(List.of("orders-db-offsite=PASS", "customer-files=FAIL",
                "analytics-exports=FAIL", "web-assets=PASS"));
        List<String> restored = new ArrayList<>(List.of("web-assets=PASS"));
        if (database) {
            verified.add("shop-db=PASS");
            restored.add("shop-db=PASS");
        }
        assertThat(statuses(json)).containsExactlyElementsOf(verified);
        JsonNode restore = new ObjectMapper().readTree(area.resolve("reports/restore-report.json").toFile());
        assertThat(statuses(restore)).as("the demo's restore tests").containsExactlyElementsOf(restored);
        assertThat(restore.path("backupSets").get(0).path("checks").get(0).path("id").asText()).isEqualTo("restore");
        assertThat(out).contains(database ? "Restore tests of web-assets" : "Restore test of web-assets");
        assertThat(checkStatuses(json.path("backupSets").get(0))).as("orders-db, whose capacity depends on this disk")
                .containsExactly("freshness=PASS", "completeness=PASS", "integrity=PASS", "retention=PASS",
                        "window=PASS", "copies=PASS");

        Process verify = run("verify", area.resolve("plan.yaml").toString(), "--set", "customer-files");
        assertThat(verify.exitValue()).isEqualTo(2);
        Process again = run("demo", area.toString());
        assertThat(again.exitValue()).as("an earlier demo area is replaced").isZero();
    }

    @Test
    void theDemoRefusesAFolderThatHoldsSomethingElse() throws Exception {
        Files.writeString(dir.resolve("precious.txt"), "keep me");

        Process demo = run("demo", dir.toString());

        assertThat(demo.exitValue()).isEqualTo(64);
        assertThat(new String(demo.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("not empty and is not a demo area");
        assertThat(dir.resolve("precious.txt")).hasContent("keep me");
    }

    private static List<String> statuses(JsonNode json) {
        List<String> statuses = new ArrayList<>();
        json.path("backupSets").forEach(set -> {
            if (!set.path("name").asText().equals("orders-db")) {
                statuses.add(set.path("name").asText() + "=" + set.path("status").asText());
            }
        });
        return statuses;
    }

    private static List<String> checkStatuses(JsonNode set) {
        List<String> statuses = new ArrayList<>();
        set.path("checks").forEach(check -> {
            if (!check.path("id").asText().equals("capacity")) {
                statuses.add(check.path("id").asText() + "=" + check.path("status").asText());
            }
        });
        return statuses;
    }

    private Process run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("backupVerify.jar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not finish");
        }
        return process;
    }
}
