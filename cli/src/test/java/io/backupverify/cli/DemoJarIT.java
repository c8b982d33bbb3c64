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
    @TempDir
    Path logs;

    @Test
    void theDemoRunsFromThePackagedJarAndFindsThePlantedProblems() throws Exception {
        Path area = dir.resolve("demo area");

        Ran demo = run("demo", area.toString());

        assertThat(demo.exit()).as(demo.err()).isZero();
        String out = demo.out();
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
                        "window=PASS", "copies=WARN");

        Ran verify = run("verify", area.resolve("plan.yaml").toString(), "--set", "customer-files");
        assertThat(verify.exit()).isEqualTo(2);
        Ran again = run("demo", area.toString());
        assertThat(again.exit()).as("an earlier demo area is replaced").isZero();
    }

    @Test
    void theDemoRefusesAFolderThatHoldsSomethingElse() throws Exception {
        Files.writeString(dir.resolve("precious.txt"), "keep me");

        Ran demo = run("demo", dir.toString());

        assertThat(demo.exit()).isEqualTo(64);
        assertThat(demo.err())
                .contains("not empty and is not a demo area");
        assertThat(dir.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void theJarWithoutItsLibFolderSaysSoInsteadOfAStackTrace() throws Exception {
        Path alone = Files.createDirectory(dir.resolve("alone")).resolve("backup-verify.jar");
        Files.copy(Path.of(System.getProperty("backupVerify.jar")), alone);

        // the demo writes a tar archive: commons-compress is one of the libraries in lib/
        Ran demo = runJar(alone, "demo", dir.resolve("demo area").toString());

        assertThat(demo.exit()).isEqualTo(3);
        assertThat(demo.err()).contains("a library of backup-verify is missing")
                .contains("org.apache.commons.compress").contains("keep the lib folder")
                .doesNotContain("Exception in thread").doesNotContain("\tat ");
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

    /** What a run of the jar printed and how it exited. */
    private record Ran(int exit, String out, String err) {
    }

    /**
     * Runs the jar with its output in files, so that no full pipe can hold it up, and waits as long as a loaded
     * machine may need: the limit only stops a run that hangs.
     */
    private Ran run(String... args) throws IOException, InterruptedException {
        return runJar(Path.of(System.getProperty("backupVerify.jar")), args);
    }

    private Ran runJar(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(logs, "out", ".txt");
        Path err = Files.createTempFile(logs, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not finish");
        }
        return new Ran(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
