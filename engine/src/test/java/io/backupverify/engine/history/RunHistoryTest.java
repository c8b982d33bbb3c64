package io.backupverify.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.FileCoverage;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.RecheckSlices;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.LatestBackup;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

    @TempDir
    Path dir;

    static RunResult run(Instant at, String set, Status status) {
        CheckResult capacity = CheckResult.builder("capacity").metric("usedBytes", 800L).metric("totalBytes", 1000L)
                .metric("usedPercent", 80.0).metric("usageSource", "file system").build();
        CheckResult integrity = CheckResult.builder("integrity").status(status).summary("2 files changed")
                .metric("verifiedBytes", 4096L).metric("verifiedFiles", 3L).metric("durations", List.of(1, 2))
                .coverage(new FileCoverage(List.of("a", "b", "c"), Set.of("a", "c"))).build();
        return new RunResult("plan.yaml", 7, at, at.plusSeconds(60), List.of(new SetResult(set, "local:/b",
                new LatestBackup("b-1", at.minusSeconds(3600), 3, 4096), 5, List.of(capacity, integrity))));
    }

    @Test
    void recordsSmallNumbersAndReadsThemBack() throws Exception {
        RunHistory history = new RunHistory(dir);
        Path file = history.record(run(T0, "orders", Status.FAIL), RunKind.VERIFY);

        assertThat(file.getParent()).isEqualTo(dir.resolve("runs"));
        assertThat(file.getFileName().toString()).matches("20261101T020000Z-verify-[0-9a-f]{12}\\.json");
        String json = Files.readString(file);
        assertThat(json).contains("\"usedBytes\":800").contains("\"summary\":\"2 files changed\"")
                .doesNotContain("usageSource").doesNotContain("durations");
        HistoryRead read = history.read(T0.minusSeconds(1));
        assertThat(read.damaged()).isEmpty();
        RunRecord record = read.runs().get(0);
        assertThat(record.status()).isEqualTo(Status.FAIL);
        SetRecord set = record.sets().get(0);
        assertThat(set.latestBackupTime()).isEqualTo(T0.minusSeconds(3600));
        assertThat(set.check("capacity").orElseThrow().number("usedBytes")).hasValue(800);
        assertThat(set.check("integrity").orElseThrow().number("verifiedBytes")).hasValue(4096);
    }

    @Test
    void theLatestVerifyRunNumberIsThatOfTheNewestVerifyRunOfThePlansSetsWhateverCameAfterIt() throws Exception {
        RunHistory history = new RunHistory(dir);
        List<String> orders = List.of("orders");
        assertThat(history.latestVerifyRunNumber("plan.yaml", orders)).isEmpty();
        history.record(withNumber(run(T0, "orders", Status.PASS), "plan.yaml", 20_400), RunKind.VERIFY);
        history.record(withNumber(run(T0.plusSeconds(7 * 86_400), "orders", Status.PASS), "plan.yaml", 20_401),
                RunKind.VERIFY);
        history.record(withNumber(run(T0.plusSeconds(8 * 86_400), "orders", Status.PASS), "other.yaml", 9),
                RunKind.VERIFY);
        history.record(withNumber(run(T0.plusSeconds(9 * 86_400), "orders", Status.PASS), "plan.yaml", 3),
                RunKind.RESTORE_TEST);
        history.record(withNumber(run(T0.plusSeconds(10 * 86_400), "customers", Status.PASS), "plan.yaml", 40),
                RunKind.VERIFY);
        Files.writeString(dir.resolve("runs").resolve("20261201T000000Z-verify-0123456789ab.json"), "{\"sch",
                StandardCharsets.UTF_8);

        assertThat(history.latestVerifyRunNumber("plan.yaml", orders)).hasValue(20_401);
        assertThat(history.latestVerifyRunNumber("plan.yaml", List.of("customers"))).hasValue(40);
        assertThat(history.latestVerifyRunNumber("plan.yaml", List.of("orders", "customers"))).isEmpty();
        assertThat(history.latestVerifyRunNumber("other.yaml", orders)).hasValue(9);
        assertThat(history.latestVerifyRunNumber("third.yaml", orders)).isEmpty();
    }

    /** An integrity check of a set: its verdict, its sample's slices (none: it read nothing) and those to read again. */
    private static SetResult integrityOf(String set, Status status, Integer slices, String recheck) {
        CheckResult.Builder check = CheckResult.builder("integrity").status(status).summary("integrity " + status);
        if (slices != null) {
            check.metric("sampleSlices", slices);
        }
        if (recheck != null) {
            check.metric("recheckSlices", recheck);
        }
        return new SetResult(set, "local:/b", null, 1, List.of(check.build()));
    }

    private static RunResult runOf(Instant at, String plan, SetResult... sets) {
        return new RunResult(plan, 1, at, at.plusSeconds(60), List.of(sets));
    }

    /**
     * The slices to read again come, for each set, from the newest run of the plan that read that set's sample, whatever
     * sets it ran with: a run whose integrity check read nothing (the target could not be reached) is passed over, so
     * that the broken file is read by the next run that can; a run of another plan is not asked.
     */
    @Test
    void theSlicesToReadAgainComeFromTheNewestRunThatReadEachSet() throws Exception {
        RunHistory history = new RunHistory(dir);
        history.record(runOf(T0, "plan.yaml", integrityOf("orders", Status.FAIL, 10, "3"),
                integrityOf("customers", Status.FAIL, 4, "2")), RunKind.VERIFY);
        history.record(runOf(T0.plusSeconds(86_400), "plan.yaml", integrityOf("orders", Status.ERROR, null, null)),
                RunKind.VERIFY);
        history.record(runOf(T0.plusSeconds(2 * 86_400), "other.yaml", integrityOf("orders", Status.PASS, 10, null)),
                RunKind.VERIFY);

        Map<String, RecheckSlices> rechecks = history.rechecks(Set.of("plan.yaml"), List.of("orders", "customers"));

        assertThat(rechecks).containsOnly(Map.entry("orders", RecheckSlices.of(10, List.of(3))),
                Map.entry("customers", RecheckSlices.of(4, List.of(2))));
        assertThat(history.rechecks(Set.of("plan.yaml"), List.of("customers"))).containsOnlyKeys("customers");
        history.record(runOf(T0.plusSeconds(3 * 86_400), "plan.yaml", integrityOf("orders", Status.PASS, 5, null)),
                RunKind.VERIFY);
        assertThat(history.rechecks(Set.of("plan.yaml"), List.of("orders", "customers"))).as("orders verified since")
                .containsOnly(Map.entry("customers", RecheckSlices.of(4, List.of(2))));
        assertThat(RunHistory.rechecks(Stream.of(RunRecords.of(runOf(T0, "plan.yaml",
                integrityOf("orders", Status.ERROR, 4, "1-3")), RunKind.VERIFY)), List.of("orders")))
                .as("an ERROR that read and could not verify names what to read again")
                .containsOnly(Map.entry("orders", RecheckSlices.of(4, List.of(1, 2, 3))));
    }

    /** The history keeps a long list of slices to read again (it kept no string over 200 characters). */
    @Test
    void aLongListOfSlicesToReadAgainIsKept() throws Exception {
        RecheckSlices spread = RecheckSlices.of(10_000, java.util.stream.IntStream.rangeClosed(1, 150)
                .map(n -> n * 61).boxed().toList());
        assertThat(spread.text().length()).isGreaterThan(200);
        RunHistory history = new RunHistory(dir);
        history.record(runOf(T0, "plan.yaml", integrityOf("orders", Status.FAIL, 10_000, spread.text())),
                RunKind.VERIFY);

        assertThat(history.rechecks(Set.of("plan.yaml"), List.of("orders"))).containsEntry("orders", spread);
    }

    private static RunResult withNumber(RunResult run, String plan, long number) {
        return new RunResult(plan, number, run.startedAt(), run.finishedAt(), run.sets());
    }

    @Test
    void aDamagedFileIsSkippedAndNamedNeverFatal() throws Exception {
        RunHistory history = new RunHistory(dir);
        history.record(run(T0, "orders", Status.PASS), RunKind.VERIFY);
        Path runs = dir.resolve("runs");
        Files.writeString(runs.resolve("20261102T000000Z-verify-0123456789ab.json"), "{\"schema\":\"backup-verify/hi",
                StandardCharsets.UTF_8);
        Files.writeString(runs.resolve("notes.json"), "[1,2]", StandardCharsets.UTF_8);
        Files.writeString(runs.resolve(".half-written.json.tmp"), "{", StandardCharsets.UTF_8);

        HistoryRead read = history.read(T0.minusSeconds(1));

        assertThat(read.runs()).hasSize(1);
        assertThat(read.damaged()).extracting(HistoryRead.DamagedFile::file)
                .containsExactly(runs.resolve("20261102T000000Z-verify-0123456789ab.json").toString(),
                        runs.resolve("notes.json").toString());
        assertThat(read.damaged().get(0).reason()).startsWith("not JSON");
    }

    @Test
    void filesOlderThanThePeriodAreNotOpened() throws Exception {
        RunHistory history = new RunHistory(dir);
        history.record(run(T0, "orders", Status.PASS), RunKind.VERIFY);
        history.record(run(T0.plusSeconds(86_400), "orders", Status.PASS), RunKind.RESTORE_TEST);
        // an old file that is damaged is not even read
        Files.writeString(dir.resolve("runs/20200101T000000Z-verify-0123456789ab.json"), "garbage");

        HistoryRead read = history.read(T0.plusSeconds(10));

        assertThat(read.runs()).extracting(RunRecord::kind).containsExactly(RunKind.RESTORE_TEST);
        assertThat(read.damaged()).isEmpty();
    }

    @Test
    void concurrentRunsNeverCorruptTheHistoryOrTheLedger() throws Exception {
        RunHistory history = new RunHistory(dir);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Path>> writes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Instant at = T0.plusSeconds(i % 3);
            writes.add(pool.submit(() -> history.record(run(at, "orders", Status.PASS), RunKind.VERIFY)));
        }
        for (Future<Path> write : writes) {
            write.get();
        }
        pool.shutdown();

        HistoryRead read = history.read(T0.minusSeconds(1));
        assertThat(read.runs()).hasSize(40);
        assertThat(read.damaged()).isEmpty();
        try (Stream<Path> left = Files.list(dir.resolve("runs"))) {
            assertThat(left.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
        }
        SetLedger ledger = history.ledger().read("orders").orElseThrow();
        assertThat(ledger.size()).isEqualTo(3);
        assertThat(ledger.verifiedAtSeconds("b")).isEqualTo(-1);
    }

    @Test
    void restoreTestsKeepTheirNumericMetrics() throws Exception {
        CheckResult restore = CheckResult.builder("restore").metric("restoreSeconds", 1500.5)
                .metric("rtoSeconds", 2700L).metric("kind", "postgres").finding(Finding.warn("x", "slow")).build();
        RunResult run = new RunResult("plan.yaml", 1, T0, T0.plusSeconds(1600),
                List.of(new SetResult("orders", "local:/b", null, 1, List.of(restore))));
        RunHistory history = new RunHistory(dir);

        history.record(run, RunKind.RESTORE_TEST);

        CheckRecord record = history.read(T0).runs().get(0).sets().get(0).checks().get(0);
        assertThat(record.number("restoreSeconds")).hasValue(1500.5);
        assertThat(record.number("rtoSeconds")).hasValue(2700);
        assertThat(record.values()).doesNotContainKey("kind");
        assertThat(Collections.unmodifiableMap(record.values())).hasSize(2);
    }

    @Test
    void runsAreHandedOnOneAtATimeOldestFirstHoweverTheFilesAreNamed() throws Exception {
        RunHistory history = new RunHistory(dir);
        List<Instant> expected = new ArrayList<>();
        // more files than are read ahead, several within one second, written newest first
        for (int i = 3 * HistoryScan.AHEAD; i >= 0; i--) {
            Instant at = T0.plusSeconds(i / 3).plusMillis(900 - 300L * (i % 3));
            history.add(RunRecords.of(run(at, "orders", Status.PASS), RunKind.VERIFY));
            expected.add(at);
        }
        // a record under a name of another form is read too and handed on in its place in time
        Instant renamed = T0.plusSeconds(10).plusMillis(950);
        Path other = history.add(RunRecords.of(run(renamed, "orders", Status.FAIL), RunKind.VERIFY));
        Files.move(other, other.resolveSibling("copied-by-hand.json"));
        expected.add(renamed);
        Files.writeString(dir.resolve("runs/20261101T020005Z-verify-0123456789ab.json"), "{\"schema\":");
        expected.sort(null);

        List<Instant> seen = new ArrayList<>();
        List<HistoryRead.DamagedFile> damaged = history.read(T0, record -> seen.add(record.startedAt()));

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(damaged).extracting(HistoryRead.DamagedFile::file)
                .containsExactly(dir.resolve("runs/20261101T020005Z-verify-0123456789ab.json").toString());
    }

    @Test
    void aRecordWithAnIncompleteSetIsDamagedNotHalfRead() throws Exception {
        HistoryFormat format = new HistoryFormat();
        String good = new String(format.write(RunRecords.of(run(T0, "orders", Status.PASS), RunKind.VERIFY)),
                StandardCharsets.UTF_8);
        byte[] noStatus = good.replace("\"status\":\"PASS\",\"latestBackupTime\"", "\"latestBackupTime\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(format.read(good.getBytes(StandardCharsets.UTF_8)).sets()).hasSize(1);
        assertThatThrownBy(() -> format.read(noStatus)).isInstanceOf(java.io.IOException.class)
                .hasMessage("incomplete history record: missing field 'status'");
        assertThatThrownBy(() -> format.read("{\"schema\":\"other\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a backup-verify/history/v1 record (schema 'other')");
    }
}
