package io.backupverify.engine.restore;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.testing.Plans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/** Runs restore tests of plan text at a fixed time, with scratch folders in a folder of the test's. */
public final class RestoreRuns {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private RestoreRuns() {
    }

    static RunResult run(String yaml, Path planDir, Path scratchRoot, long runNumber) throws InterruptedException {
        VerifyOptions options = VerifyOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withRunNumber(runNumber);
        return new RestoreTester(new ScratchArea(scratchRoot)).run(Plans.parse(yaml, planDir), options);
    }

    /** The restore check of the plan's only set. */
    public static CheckResult restore(String yaml, Path planDir, Path scratchRoot) throws InterruptedException {
        RunResult run = run(yaml, planDir, scratchRoot, 1);
        return run.sets().get(0).checks().get(0);
    }

    /** What is left in the scratch root: nothing after any restore test. */
    public static List<String> leftIn(Path scratchRoot) throws IOException {
        try (Stream<Path> children = Files.list(scratchRoot)) {
            return children.map(path -> path.getFileName().toString()).toList();
        }
    }

    /** Runs a system tool in a folder and fails the test if it does not succeed. */
    public static void exec(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
    }
}
