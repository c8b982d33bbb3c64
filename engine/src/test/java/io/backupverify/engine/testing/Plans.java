package io.backupverify.engine.testing;

import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Parses plan text and runs it at a fixed time, for tests. */
public final class Plans {
    private Plans() {
    }

    public static Plan parse(String yaml, Path baseDir) {
        try {
            return new PlanParser().parse(yaml, "plan.yaml", baseDir);
        } catch (PlanException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static RunResult run(String yaml, Path baseDir, Instant now) throws InterruptedException {
        VerifyOptions options = VerifyOptions.defaults().withClock(Clock.fixed(now, ZoneOffset.UTC)).withRunNumber(1);
        return new Verifier().verify(parse(yaml, baseDir), options);
    }

    /** Runs a plan with one set and returns that set's result. */
    public static SetResult runSet(String yaml, Path baseDir, Instant now) throws InterruptedException {
        return run(yaml, baseDir, now).sets().get(0);
    }
}
