package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import io.backupverify.engine.check.integrity.SampleSelector;
import io.backupverify.engine.plan.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    /** The slice of a 50% sample that {@code part-0} falls in. */
    private static final int PART_0_SLICE = io.backupverify.engine.check.integrity.SampleSelector.sliceOf("part-0", 2);

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aHealthySetPassesWithExitCodeZeroAndWritesTheJsonReport() throws IOException {
        backup("orders", Instant.now().minus(2, ChronoUnit.HOURS));
        Path plan = plan("26h");
        Path json = dir.resolve("out/report.json");

        CommandRunner result = CommandRunner.run("verify", plan.toString(), "--json", json.toString(),
                "--run-number", "7");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Backup verification: PASS").contains("orders-db").contains(json.toString());
        assertThat(result.err()).isEmpty();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("status").asText()).isEqualTo("PASS");
        assertThat(report.path("runNumber").asLong()).isEqualTo(7);
        assertThat(report.path("backupSets").get(0).path("checks")).hasSize(2);
        try (var listing = Files.list(json.getParent())) {
            assertThat(listing).as("no temporary files left behind").hasSize(1);
        }
    }

    @Test
    void aLateBackupFailsWithExitCodeTwoAndTheSummaryNamesIt() throws IOException {
        backup("orders", Instant.now().minus(3, ChronoUnit.DAYS));

        CommandRunner result = CommandRunner.run("verify", plan("26h").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("Backup verification: FAIL").contains("Problems, worst first:")
                .contains("orders-db / freshness: FAIL").contains("more than 26h allowed");
    }

    @Test
    void aClockThatWentBackBehindARecordedRunIsNamedAndMeasuresFromThatRun() throws IOException {
        // a whole minute, as the folder's name: the run's name below keeps whole seconds, so with a fraction here
        // the age came out a fraction short of 3d 2h ("3d 1h") whenever both fell in the same second
        backup("orders", Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.HOURS));
        Path plan = plan("26h");
        Path history = dir.resolve("history");
        assertThat(CommandRunner.run("verify", plan.toString(), "--history", history.toString()).exitCode()).isZero();
        // This machine's clock has gone back three days since that run: it now seems to have started in three days.
        Path recorded;
        try (Stream<Path> runs = Files.list(history.resolve("runs"))) {
            recorded = runs.filter(file -> !file.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
        String name = recorded.getFileName().toString();
        Files.move(recorded, recorded.resolveSibling(RUN_NAME.format(Instant.now().plus(3, ChronoUnit.DAYS))
                + name.substring(16)));

        CommandRunner again = CommandRunner.run("verify", plan.toString(), "--history", history.toString());

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.out()).contains("orders-db / freshness: FAIL").contains("newest backup is 3d 2h old")
                .contains("behind the start of the latest run recorded in the history");
    }

    /**
     * With a history and no --run-number, each run takes the number after the plan's latest recorded verify run: a
     * sampled check then reads the next slice on any schedule (by the day number, runs a week apart with 7 slices
     * all read the same one). Two runs on the same day read the two halves of a 50% sample.
     */
    @Test
    void withAHistoryEachRunReadsTheNextSliceOfTheSampleWhateverTheDay() throws IOException {
        sampledBackup();
        Path plan = planWithChecks("integrity: { manifest: SHA256SUMS, sample: 50% }");
        Path history = dir.resolve("history");

        JsonNode first = verifyWithHistory(plan, history);
        JsonNode second = verifyWithHistory(plan, history);

        assertThat(second.path("runNumber").asLong()).isEqualTo(first.path("runNumber").asLong() + 1);
        assertThat(List.of(sampleSlice(first), sampleSlice(second))).containsExactlyInAnyOrder(1L, 2L);
        CommandRunner given = CommandRunner.run("verify", plan.toString(), "--history", history.toString(),
                "--run-number", "40", "--json", dir.resolve("given.json").toString());
        assertThat(given.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(dir.resolve("given.json").toFile()).path("runNumber").asLong())
                .isEqualTo(40);
    }

    /**
     * A job per set on one plan and one history: each set's runs follow their own numbers, so a set verified every
     * other run of the plan still takes the next slice each time (numbered by all runs, it would read only every
     * other slice).
     */
    @Test
    void withAHistoryEachSetSelectionKeepsItsOwnRotation() throws IOException {
        sampledBackup();
        Path plan = sampledSetsPlan("orders-db", "orders-db-again");
        Path history = dir.resolve("history");

        JsonNode first = verifyWithHistory(plan, history, "--set", "orders-db");
        JsonNode other = verifyWithHistory(plan, history, "--set", "orders-db-again");
        JsonNode second = verifyWithHistory(plan, history, "--set", "orders-db");

        assertThat(other.path("backupSets")).hasSize(1);
        assertThat(second.path("runNumber").asLong()).isEqualTo(first.path("runNumber").asLong() + 1);
        assertThat(List.of(sampleSlice(first), sampleSlice(second))).containsExactlyInAnyOrder(1L, 2L);
    }

    /**
     * A sampled run that finds a changed file makes the next run read that file's slice again: otherwise the next
     * run (a retry of the failed job, or the next night's) reads another slice and passes with nothing fixed, and
     * the file waits t runs to be read again. Once the file verifies, the runs go back to their own slice alone.
     */
    @Test
    void aRunAfterASampledFailureReadsTheFailedSliceAgainUntilItVerifies() throws IOException {
        Path changed = sampledBackupWithPart0Rotted();
        Path plan = planWithChecks("integrity: { manifest: SHA256SUMS, sample: 50% }");
        Path history = dir.resolve("history");
        int slice = PART_0_SLICE;

        CommandRunner failed = verifyNumbered(plan, history, slice);
        CommandRunner next = verifyNumbered(plan, history, slice + 1);
        CommandRunner again = verifyNumbered(plan, history, slice + 2);

        assertThat(failed.exitCode()).as(failed.out()).isEqualTo(2);
        assertThat(next.exitCode()).as(next.out()).isEqualTo(2);
        assertThat(next.out()).contains("part-0").contains("again " + (slice + 1) + "/2");
        assertThat(again.exitCode()).as(again.out()).isEqualTo(2);
        Files.writeString(changed, "part 0", StandardCharsets.UTF_8);
        CommandRunner repaired = verifyNumbered(plan, history, slice + 3);
        CommandRunner normal = verifyNumbered(plan, history, slice + 4);
        assertThat(repaired.exitCode()).as(repaired.out()).isZero();
        assertThat(normal.exitCode()).as(normal.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("numbered.json").toFile());
        assertThat(report.path("backupSets").get(0).path("checks").get(0).path("summary").asText())
                .contains("sample " + (slice + 1) + "/2").doesNotContain("again");
    }

    /**
     * The same plan file named another way ({@code plan.yaml} in its folder by cron, its absolute path by hand) is one
     * plan to the history: the next run continues its rotation and reads again the slice the other found broken.
     */
    @Test
    void thePlanNamedAnotherWayContinuesTheRotationAndReadsAgainWhatFailed() throws IOException {
        sampledBackupWithPart0Rotted();
        Path history = dir.resolve("history");
        int slice = PART_0_SLICE;
        assertThat(verifyNumbered(planWithChecks("integrity: { manifest: SHA256SUMS, sample: 50% }"), history, slice)
                .exitCode()).isEqualTo(2);

        CommandRunner byAnotherName = CommandRunner.run("verify", dir.resolve(".").resolve("plan.yaml").toString(),
                "--history", history.toString(), "--json", dir.resolve("other.json").toString());

        JsonNode report = new ObjectMapper().readTree(dir.resolve("other.json").toFile());
        assertThat(report.path("runNumber").asLong()).isEqualTo(slice + 1);
        assertThat(byAnotherName.exitCode()).as(byAnotherName.out()).isEqualTo(2);
    }

    /**
     * The sample changed after a failure (the plan now reads another share each run, or the whole set): the next run
     * still reads the changed file again, though its slice number in the new cut is another and its own slice does not
     * hold it. Before, slices named in another cut were dropped, the run passed with nothing fixed and the file waited
     * for its slice. Once it is mended the runs pass.
     */
    @ParameterizedTest(name = "sample {0}, then {1}")
    @CsvSource({"50%, 25%", "50%, 10%", "25%, 50%", "10%, 34%", "100%, 50%", "100%, 10%"})
    void aFailedFileIsReadAgainAfterTheSampleChanged(String before, String after) throws IOException {
        Path changed = sampledBackupWithPart0Rotted();
        Path history = dir.resolve("history");
        int slicesBefore = SampleSelector.slicesFor(Percentage.parse(before));
        int slicesAfter = SampleSelector.slicesFor(Percentage.parse(after));
        assertThat(verifyNumbered(planWithChecks("integrity: { manifest: SHA256SUMS, sample: " + before + " }"),
                history, SampleSelector.sliceOf("part-0", slicesBefore)).exitCode()).isEqualTo(2);
        Path plan = planWithChecks("integrity: { manifest: SHA256SUMS, sample: " + after + " }");
        int otherSlice = SampleSelector.sliceOf("part-0", slicesAfter) + 1;

        CommandRunner next = verifyNumbered(plan, history, otherSlice);

        assertThat(next.exitCode()).as(next.out()).isEqualTo(2);
        assertThat(next.out()).contains("part-0").contains("again ");
        Files.writeString(changed, "part 0", StandardCharsets.UTF_8);
        CommandRunner mended = verifyNumbered(plan, history, otherSlice + 1);
        CommandRunner normal = verifyNumbered(plan, history, otherSlice + 2);
        assertThat(mended.exitCode()).as(mended.out()).isNotEqualTo(2).isNotEqualTo(3);
        assertThat(normal.out()).doesNotContain("again");
    }

    /**
     * A run that could not read anything (the backups' folder was gone for a night) does not drop what the run before
     * it found broken: the next run that can read reads it again. Before, the run that could not read became the
     * previous run, named nothing to read again, and the one after it passed with the changed file unread.
     */
    @Test
    void aRunThatCouldNotReadPassesOnWhatToReadAgain() throws IOException {
        sampledBackupWithPart0Rotted();
        Path plan = planWithChecks("integrity: { manifest: SHA256SUMS, sample: 50% }");
        Path history = dir.resolve("history");
        Path folder = dir.resolve("backups/orders");
        Path away = dir.resolve("backups/away");
        assertThat(verifyNumbered(plan, history, PART_0_SLICE).exitCode()).isEqualTo(2);
        Files.move(folder, away);
        CommandRunner unreadable = verifyNumbered(plan, history, PART_0_SLICE + 1);
        Files.move(away, folder);

        CommandRunner next = verifyNumbered(plan, history, PART_0_SLICE + 3);

        assertThat(unreadable.exitCode()).as(unreadable.out()).isNotZero();
        assertThat(next.exitCode()).as(next.out()).isEqualTo(2);
        assertThat(next.out()).contains("part-0").contains("again " + (PART_0_SLICE + 1) + "/2");
    }

    /**
     * A job per set and a job over the whole plan share one history: the whole plan's run reads again what the set's
     * own job found broken (it looked only at runs over exactly its sets, and passed).
     */
    @Test
    void aRunOverOtherSetsOfThePlanReadsAgainWhatASetsOwnJobFoundBroken() throws IOException {
        sampledBackupWithPart0Rotted();
        Path plan = sampledSetsPlan("orders-db", "orders-db-copy");
        Path history = dir.resolve("history");
        CommandRunner own = CommandRunner.run("verify", plan.toString(), "--set", "orders-db", "--history",
                history.toString(), "--run-number", String.valueOf(PART_0_SLICE), "--no-color");
        assertThat(own.exitCode()).as(own.out()).isEqualTo(2);

        CommandRunner whole = verifyNumbered(plan, history, PART_0_SLICE + 1);

        assertThat(whole.exitCode()).as(whole.out()).isEqualTo(2);
        assertThat(whole.out()).contains("part-0").contains("again " + (PART_0_SLICE + 1) + "/2");
    }

    /**
     * The plan's scope changed after a failure ({@code latest} to {@code all}): a file's slice then follows its path
     * on the target, backup name included, instead of its path inside its backup, so the slice the previous run named
     * holds other files in the new form and the next run passed with the changed file unread. It is read again by
     * the form the previous run knew it by.
     */
    @Test
    void aFailedFileIsReadAgainAfterTheScopeChanged() throws IOException {
        Path changed = sampledBackupWithPart0Rotted();
        Path history = dir.resolve("history");
        String onTarget = "orders-2026-11-28T0200/part-0";
        int slices = 10;
        while (SampleSelector.sliceOf("part-0", slices) == SampleSelector.sliceOf(onTarget, slices)) {
            slices++;
        }
        String sample = "sample: " + new java.math.BigDecimal(100).divide(new java.math.BigDecimal(slices), 3,
                java.math.RoundingMode.DOWN).stripTrailingZeros().toPlainString() + "%";
        assertThat(SampleSelector.slicesFor(Percentage.parse(sample.substring(8)))).isEqualTo(slices);
        int named = SampleSelector.sliceOf("part-0", slices);
        int own = 0;
        while (own == named || own == SampleSelector.sliceOf(onTarget, slices)) {
            own++;
        }
        assertThat(verifyNumbered(planWithChecks("integrity: { manifest: SHA256SUMS, " + sample + " }"), history,
                named).exitCode()).isEqualTo(2);

        CommandRunner next = verifyNumbered(planWithChecks("integrity: { manifest: SHA256SUMS, scope: all, "
                + sample + " }"), history, own);

        assertThat(next.exitCode()).as(next.out()).isEqualTo(2);
        assertThat(next.out()).contains("part-0");
        Files.writeString(changed, "part 0", StandardCharsets.UTF_8);
        CommandRunner mended = verifyNumbered(planWithChecks("integrity: { manifest: SHA256SUMS, scope: all, "
                + sample + " }"), history, own + slices);
        assertThat(mended.exitCode()).as(mended.out()).isNotEqualTo(2).isNotEqualTo(3);
    }

    /** A plan of sets of these names over the same backups, each with a 50% integrity sample. */
    private Path sampledSetsPlan(String... sets) throws IOException {
        Path plan = dir.resolve("plan.yaml");
        StringBuilder text = new StringBuilder("backupSets:\n");
        for (String set : sets) {
            text.append("  - name: ").append(set).append("\n    target: { type: local, path: backups/orders }\n")
                    .append("    layout: { kind: directory-per-backup, namePattern: \"orders-{yyyy-MM-dd'T'HHmm}\" }\n")
                    .append("    checks:\n      integrity: { manifest: SHA256SUMS, sample: 50% }\n");
        }
        Files.writeString(plan, text);
        return plan;
    }

    /** {@link #sampledBackup} with {@code part-0} changed after its checksum was taken; its path. */
    private Path sampledBackupWithPart0Rotted() throws IOException {
        sampledBackup();
        Path changed = dir.resolve("backups/orders/orders-2026-11-28T0200/part-0");
        Files.writeString(changed, "part 0 rotted", StandardCharsets.UTF_8);
        return changed;
    }

    private CommandRunner verifyNumbered(Path plan, Path history, int runNumber) {
        return CommandRunner.run("verify", plan.toString(), "--history", history.toString(), "--run-number",
                String.valueOf(runNumber), "--no-color", "--json", dir.resolve("numbered.json").toString());
    }

    /** A backup of 8 small files and their SHA256SUMS, for sampled runs. */
    private void sampledBackup() throws IOException {
        Path backup = dir.resolve("backups/orders/orders-2026-11-28T0200");
        Files.createDirectories(backup);
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            Files.writeString(backup.resolve("part-" + i), "part " + i, StandardCharsets.UTF_8);
            sums.append(sha256("part " + i)).append("  part-").append(i).append('\n');
        }
        Files.writeString(backup.resolve("SHA256SUMS"), sums, StandardCharsets.UTF_8);
    }

    private JsonNode verifyWithHistory(Path plan, Path history, String... more) throws IOException {
        Path json = dir.resolve("report.json");
        List<String> args = new java.util.ArrayList<>(List.of("verify", plan.toString(), "--history",
                history.toString(), "--json", json.toString()));
        args.addAll(List.of(more));
        CommandRunner result = CommandRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        return new ObjectMapper().readTree(json.toFile());
    }

    private static long sampleSlice(JsonNode report) {
        return report.path("backupSets").get(0).path("checks").get(0).path("metrics").path("sampleSlice").asLong();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnreadableTargetIsExitCodeThree() throws IOException {
        CommandRunner result = CommandRunner.run("verify", plan("26h").toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).contains("ERROR").contains("no such file or folder");
    }

    @Test
    void aBadPlanIsExitCode64WithFileLineAndKeyAndNoStackTrace() throws IOException {
        Path plan = plan("26h");
        Files.writeString(plan, Files.readString(plan).replace("maxAge", "maxAg"));

        CommandRunner result = CommandRunner.run("verify", plan.toString());

        assertThat(result.exitCode()).isEqualTo(64);
        assertThat(result.err()).startsWith("error: " + plan + ":6:")
                .contains("backupSets[0].checks.freshness.maxAg").contains("unknown key");
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void commandLineMistakesAreExitCode64() throws IOException {
        Path plan = plan("26h");

        assertThat(CommandRunner.run("verify", plan.toString(), "--set", "nope").err())
                .contains("no backup set named 'nope'").contains("orders-db");
        assertThat(CommandRunner.run("verify", plan.toString(), "--set", "nope").exitCode()).isEqualTo(64);
        assertThat(CommandRunner.run("verify", plan.toString(), "--threads", "0").exitCode()).isEqualTo(64);
        assertThat(CommandRunner.run("verify", plan.toString(), "--threads", "many").exitCode()).isEqualTo(64);
        assertThat(CommandRunner.run("verify").exitCode()).isEqualTo(64);
        assertThat(CommandRunner.run("verify", dir.resolve("absent.yaml").toString()).err())
                .contains("no such plan file");
        assertThat(CommandRunner.run("frobnicate").exitCode()).isEqualTo(64);
        assertThat(CommandRunner.run().exitCode()).isEqualTo(64);
    }

    @Test
    void validateChecksAPlanWithoutTouchingTargets() throws IOException {
        Path plan = plan("26h");

        CommandRunner valid = CommandRunner.run("validate", plan.toString());
        Files.writeString(plan, Files.readString(plan).replace("26h", "soon"));
        CommandRunner invalid = CommandRunner.run("validate", plan.toString());

        assertThat(valid.exitCode()).isZero();
        assertThat(valid.out()).contains("valid, 1 backup set");
        assertThat(invalid.exitCode()).isEqualTo(64);
        assertThat(invalid.err()).contains(":6:").contains("'soon' is not a duration");
    }

    @Test
    void helpAndVersionExitZeroAndDocumentExitCodes() {
        CommandRunner help = CommandRunner.run("verify", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--json").contains("--junit").contains("--html").contains("--run-number")
                .contains("--threads").contains("--set").contains("64");
        assertThat(CommandRunner.run("--version").out()).startsWith("backup-verify ");
    }

    @Test
    void aReportThatCannotBeWrittenIsAnError() throws IOException {
        backup("orders", Instant.now().minus(2, ChronoUnit.HOURS));
        Path unwritable = Path.of("/proc/backup-verify-report.json");
        Path html = dir.resolve("report.html");

        CommandRunner result = CommandRunner.run("verify", plan("26h").toString(), "--json",
                unwritable.toString(), "--html", html.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("cannot write the report " + unwritable);
        assertThat(result.out()).contains("Backup verification: PASS")
                .contains(unwritable + "  NOT WRITTEN").doesNotContain(html + "  NOT WRITTEN");
        assertThat(html).exists();
    }

    private void backup(String set, Instant time) throws IOException {
        Path backup = dir.resolve("backups/" + set + "/" + set + "-" + NAME.format(time));
        Files.createDirectories(backup);
        Files.writeString(backup.resolve(set + ".dump"), "data", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(backup.resolve(set + ".dump"), FileTime.from(time));
    }

    private Path plan(String maxAge) throws IOException {
        return planWithChecks("freshness:    { maxAge: " + maxAge + " }\n"
                + "      completeness: { required: [orders.dump], minFiles: 1 }");
    }

    /** A plan of one set, orders-db, with these checks (their lines after the first indented by 6). */
    private Path planWithChecks(String checks) throws IOException {
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                backupSets:
                  - name: orders-db
                    target: { type: local, path: backups/orders }
                    layout: { kind: directory-per-backup, namePattern: "orders-{yyyy-MM-dd'T'HHmm}" }
                    checks:
                      %s
                """.formatted(checks));
        return plan;
    }
}
