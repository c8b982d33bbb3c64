package io.backupverify.engine.bench;

import io.backupverify.engine.check.FileCoverage;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.CheckRecord;
import io.backupverify.engine.history.CoverageLedger;
import io.backupverify.engine.history.RunHistory;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.SetRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes a history for the audit benchmark: a plan with SETS sets and an audit section, RUNS verify runs spread
 * over the last 30 days (six checks per set with the numbers real runs record, a few failures), restore tests, a
 * coverage ledger per set, and with --ledger two separate ledgers of 100,000 files whose sizes it prints. Run by
 * bench/audit.sh.
 *
 * <p>Arguments: DIR RUNS SETS [--ledger].
 */
public final class AuditHistoryBenchmark {
    private AuditHistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        int sets = Integer.parseInt(args[2]);
        Instant now = Instant.now();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("plan.yaml"), plan(sets));
        RunHistory history = new RunHistory(dir.resolve("history"));
        Random random = new Random(42);
        Duration step = Duration.ofDays(29).dividedBy(runs);
        Instant first = now.minus(Duration.ofDays(29)).minus(Duration.ofHours(1));
        for (int run = 0; run < runs; run++) {
            Instant at = first.plus(step.multipliedBy(run));
            List<SetRecord> records = new ArrayList<>();
            for (int s = 0; s < sets; s++) {
                records.add(set(s, run, runs, at, random));
            }
            Status status = Status.worstOf(records.stream().map(SetRecord::status).toList(), Status.ERROR);
            history.add(new RunRecord(RunKind.VERIFY, "plan.yaml", run, at, at.plusSeconds(300), status, records));
        }
        for (int s = 0; s < sets; s += 2) {
            Instant at = now.minus(Duration.ofDays(3 + s % 20));
            history.add(new RunRecord(RunKind.RESTORE_TEST, "plan.yaml", s, at, at.plusSeconds(1800), Status.PASS,
                    List.of(new SetRecord(name(s), "restore", Status.PASS, null, List.of(new CheckRecord("restore",
                            Status.PASS, 1_800_000, "", Map.of("restoreSeconds", 1500 + 60.0 * s)))))));
        }
        CoverageLedger ledger = history.ledger();
        for (int s = 0; s < sets; s++) {
            List<String> files = files(5_000, s);
            ledger.update(name(s), new FileCoverage(files, new HashSet<>(files.subList(0, 4_990))), now, true);
        }
        if (args.length < 4 || !args[3].equals("--ledger")) {
            return;
        }
        ledgerSize(dir.resolve("ledger-100k"), files(100_000, 0), now, "sequential names");
        ledgerSize(dir.resolve("ledger-100k-random"), randomFiles(100_000, random), now,
                "random names, verification times spread over 30 days");
    }

    /**
     * Writes a ledger of the files, 90% of them verified, in ten runs a few days apart (the rotation), and prints its
     * size.
     */
    private static void ledgerSize(Path dir, List<String> files, Instant now, String what) throws Exception {
        CoverageLedger ledger = new RunHistory(dir).ledger();
        ledger.update("big", new FileCoverage(files, Set.of()), now.minus(Duration.ofDays(30)), true);
        int slice = files.size() / 10;
        for (int run = 0; run < 9; run++) {
            Set<String> verified = new HashSet<>(files.subList(run * slice, (run + 1) * slice));
            ledger.update("big", new FileCoverage(files, verified), now.minus(Duration.ofDays(27 - 3L * run))
                    .plusSeconds(run * 7919L), true);
        }
        long bytes;
        try (var ledgers = Files.list(dir.resolve("coverage"))) {
            bytes = ledgers.filter(p -> p.toString().endsWith(".ledger")).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("ledger of %d files (%s): %d bytes (%.1f bytes per file)%n", files.size(), what, bytes,
                bytes / (double) files.size());
    }

    /** File names as real backups have them: folders by date and table, random parts, several extensions. */
    private static List<String> randomFiles(int count, Random random) {
        String[] extensions = {".parquet", ".dump.zst", ".tar.gz", ".json.gz", ".bin"};
        List<String> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            files.add("2026-" + (1 + random.nextInt(12)) + "/table_" + random.nextInt(400) + "/part-"
                    + Long.toHexString(random.nextLong()) + "-c" + random.nextInt(1000)
                    + extensions[random.nextInt(extensions.length)]);
        }
        return files;
    }

    private static SetRecord set(int s, int run, int runs, Instant at, Random random) {
        boolean failing = s == 3 && run % 40 == 0 || s == 7 && run > runs - 30;
        Status integrity = failing ? Status.FAIL : Status.PASS;
        long total = 4L << 40;
        long used = (long) (total * (0.45 + 0.002 * s + 0.25 * run / runs));
        List<CheckRecord> checks = List.of(
                new CheckRecord("freshness", Status.PASS, 3, "", Map.of("ageSeconds", 3600L + random.nextInt(7200),
                        "maxAgeSeconds", 93_600L)),
                new CheckRecord("completeness", Status.PASS, 2, "", Map.of()),
                new CheckRecord("integrity", integrity, 60_000, failing ? "1 file changed (data/part-17.bin)" : "",
                        Map.of("listedFiles", 5000L, "verifiedFiles", 500L, "verifiedBytes", 50L << 30,
                                "readBytes", 50L << 30, "skippedFiles", 4500L, "sampleSlices", 10L)),
                new CheckRecord("window", Status.PASS, 1, "", Map.of("latestDurationSeconds",
                        1800L + 10L * run * 30 / runs * 60 / 30 + random.nextInt(120), "latestBackup",
                        "b-" + run / Math.max(1, runs / 30), "latestStart", at.minusSeconds(7200).toString())),
                new CheckRecord("capacity", Status.PASS, 1, "", Map.of("usedBytes", used, "totalBytes", total,
                        "usedPercent", 100.0 * used / total)),
                new CheckRecord("retention", Status.PASS, 1, "", Map.of("backups", 40L, "expired", 0L)));
        Status status = Status.worstOf(checks.stream().map(CheckRecord::status).toList(), Status.ERROR);
        return new SetRecord(name(s), "local:/srv/backups/" + (s % 4), status, at.minusSeconds(3600), checks);
    }

    private static List<String> files(int count, int set) {
        List<String> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            files.add("data/set-" + set + "/shard-" + (i / 1000) + "/part-" + i + ".bin");
        }
        return files;
    }

    private static String name(int s) {
        return "set-" + s;
    }

    private static String plan(int sets) {
        StringBuilder plan = new StringBuilder("backupSets:\n");
        List<String> names = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            names.add(name(s));
            plan.append("  - name: ").append(name(s)).append('\n')
                    .append("    target: { type: local, path: /srv/backups/").append(s % 4).append(" }\n")
                    .append("    checks:\n")
                    .append("      freshness: { maxAge: 26h }\n")
                    .append("      integrity: { sample: 10% }\n")
                    .append("      capacity: {}\n");
        }
        plan.append("audit:\n  period: 30d\n  restoreTests: { atLeast: 1, per: 30d, rto: 45m }\n")
                .append("  inventory: [").append(String.join(", ", names)).append(", crm-export]\n");
        return plan.toString();
    }
}
