package io.backupverify.engine.bench;

import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.TestContexts;
import io.backupverify.engine.check.capacity.CapacityCheck;
import io.backupverify.engine.check.retention.RetentionCheck;
import io.backupverify.engine.check.window.WindowCheck;
import io.backupverify.engine.plan.CapacitySpec;
import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.plan.LayoutKind;
import io.backupverify.engine.plan.LayoutSpec;
import io.backupverify.engine.plan.RetentionSpec;
import io.backupverify.engine.plan.TimeOfDay;
import io.backupverify.engine.plan.WindowSpec;
import io.backupverify.engine.target.FixedUsageTarget;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the retention, window and capacity checks on a history of hourly file backups (10,000 by default) in a
 * temporary folder. Run it with {@code bench/policy-checks.sh [BACKUPS] [ROUNDS]}.
 */
public final class PolicyChecksBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final LayoutSpec LAYOUT = new LayoutSpec(LayoutKind.FILE_PER_BACKUP, "db-{yyyyMMdd'T'HHmm}.dump");

    private PolicyChecksBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int backups = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Instant now = Instant.parse("2026-11-26T08:00:00Z");
        Path root = Files.createTempDirectory("policy-bench");
        try {
            create(root, backups, now);
            Target target = FixedUsageTarget.reporting(root, 600L << 30, 1L << 40);
            List<Check> checks = List.of(
                    new RetentionCheck(new RetentionSpec(24, 8, 12, 1, DurationValue.parse("300d"),
                            DurationValue.parse("800d"), null)),
                    new WindowCheck(new WindowSpec(TimeOfDay.parse("00:00"), TimeOfDay.parse("23:59"),
                            DurationValue.parse("2h"), null, null)),
                    new CapacityCheck(new CapacitySpec(null, null, null, DurationValue.parse("400d"))));
            System.out.printf(Locale.ROOT, "%d hourly file backups, %d rounds, median and best per round%n",
                    backups, rounds);
            time("discover", rounds, () -> TestContexts.discovered(target, LAYOUT, now, ZONE).backups().size());
            for (Check check : checks) {
                time(check.id(), rounds, () -> {
                    CheckContext context = TestContexts.discovered(target, LAYOUT, now, ZONE);
                    long start = System.nanoTime();
                    CheckResult result = check.run(context);
                    if (result.summary().isEmpty()) {
                        throw new IllegalStateException("no summary");
                    }
                    return System.nanoTime() - start;
                });
            }
        } finally {
            try (var files = Files.list(root)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(root);
        }
    }

    private static void create(Path root, int backups, Instant now) throws IOException {
        DateTimeFormatter name = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm").withZone(ZONE);
        Instant time = now.minus(Duration.ofHours(backups - 1L));
        for (int i = 0; i < backups; i++, time = time.plus(Duration.ofHours(1))) {
            Path file = Files.write(root.resolve("db-" + name.format(time) + ".dump"), new byte[16]);
            Files.setLastModifiedTime(file, FileTime.from(time.plus(Duration.ofMinutes(20))));
        }
    }

    /** Runs a task; when it returns a duration in nanoseconds that is timed, else the whole task. */
    private static void time(String label, int rounds, Task task) throws Exception {
        long[] nanos = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            Object outcome = task.run();
            long whole = System.nanoTime() - start;
            nanos[round] = outcome instanceof Long inner && !"discover".equals(label) ? inner : whole;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-10s median %8.2f ms   best %8.2f ms%n", label, nanos[rounds / 2] / 1e6,
                nanos[0] / 1e6);
    }

    @FunctionalInterface
    private interface Task {
        Object run() throws Exception;
    }
}
