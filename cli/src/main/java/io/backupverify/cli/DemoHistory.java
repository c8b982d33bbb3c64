package io.backupverify.cli;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.CheckRecord;
import io.backupverify.engine.history.RunHistory;
import io.backupverify.engine.history.RunKind;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.RunRecords;
import io.backupverify.engine.history.SetRecord;
import io.backupverify.engine.run.RunResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Synthetic earlier runs for the demo, so that its audit has a month of history to chart: one verify run a day
 * before today's real one, derived from it (capacity growing towards today's figure, the orders backup getting
 * slower, the analytics exports failing since they stopped, one integrity failure three weeks ago) and two restore
 * tests of web-assets, the later one slower.
 */
final class DemoHistory {
    static final int DAYS = 30;

    private DemoHistory() {
    }

    /** Records the synthetic runs before {@code today}; returns how many were written. */
    static int record(RunHistory history, RunResult today) throws IOException {
        RunRecord real = RunRecords.of(today, RunKind.VERIFY);
        int written = 0;
        for (int daysAgo = DAYS - 1; daysAgo >= 1; daysAgo--) {
            Instant at = real.startedAt().minus(Duration.ofDays(daysAgo));
            List<SetRecord> sets = new ArrayList<>();
            for (SetRecord set : real.sets()) {
                sets.add(earlier(set, daysAgo));
            }
            Status status = Status.worstOf(sets.stream().map(SetRecord::status).toList(), Status.ERROR);
            history.add(new RunRecord(RunKind.VERIFY, real.plan(), real.runNumber() - daysAgo, at, at.plusSeconds(40),
                    status, sets));
            written++;
        }
        for (int daysAgo : new int[] {24, 6}) {
            Instant at = real.startedAt().minus(Duration.ofDays(daysAgo)).plus(Duration.ofHours(3));
            long millis = daysAgo == 24 ? 95_000 : 140_000;
            CheckRecord restore = new CheckRecord("restore", Status.PASS, millis, "",
                    Map.of("totalMs", millis, "rtoMs", 300_000L));
            history.add(new RunRecord(RunKind.RESTORE_TEST, real.plan(), daysAgo, at, at.plusMillis(millis),
                    Status.PASS, List.of(new SetRecord("web-assets", "demo restore", Status.PASS, null,
                            List.of(restore)))));
            written++;
        }
        return written;
    }

    private static SetRecord earlier(SetRecord set, int daysAgo) {
        List<CheckRecord> checks = new ArrayList<>();
        for (CheckRecord check : set.checks()) {
            checks.add(earlier(set.name(), check, daysAgo));
        }
        Status status = Status.worstOf(checks.stream().map(CheckRecord::status).toList(), Status.ERROR);
        Instant latest = set.latestBackupTime() == null ? null : set.latestBackupTime().minus(Duration.ofDays(daysAgo));
        return new SetRecord(set.name(), set.target(), status, latest, checks);
    }

    private static CheckRecord earlier(String set, CheckRecord check, int daysAgo) {
        Map<String, Object> values = new LinkedHashMap<>(check.values());
        Status status = Status.PASS;
        String summary = "";
        switch (check.id()) {
            case "capacity" -> {
                double used = check.number("usedBytes").orElse(0);
                double total = check.number("totalBytes").orElse(0);
                double perDay = total > 0 ? total * 0.004 : used * 0.01;
                double then = Math.max(0, used - perDay * daysAgo);
                values.put("usedBytes", (long) then);
                if (total > 0) {
                    values.put("usedPercent", Math.round(10_000 * then / total) / 100.0);
                }
                status = check.status();
                summary = check.summary();
            }
            case "window" -> {
                // about 35% shorter a month ago, growing towards today's measured duration
                double today = check.number("latestDurationSeconds").orElse(1200);
                long seconds = Math.round(today * (1 - 0.35 * daysAgo / DAYS) + (daysAgo % 3) * today * 0.03);
                values.put("latestDurationSeconds", seconds);
                values.put("latestBackup", "demo-" + daysAgo);
                String start = check.text("latestStart");
                if (start != null) {
                    values.put("latestStart", Instant.parse(start).minus(Duration.ofDays(daysAgo)).toString());
                }
            }
            case "freshness" -> {
                if (set.equals("analytics-exports") && daysAgo <= 2) {
                    status = Status.FAIL;
                    summary = "the newest export is " + (daysAgo + 1) + " days old, more than 26h";
                }
            }
            case "integrity" -> {
                if (set.equals("customer-files") && daysAgo == 21) {
                    status = Status.FAIL;
                    summary = "1 file changed (customers.csv: SHA-256 differs from SHA256SUMS line 1)";
                }
            }
            default -> {
                // the other checks passed every day
            }
        }
        return new CheckRecord(check.id(), status, check.durationMs(), summary, values);
    }
}
