package io.backupverify.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans built to hurt: each is refused with a plan error within seconds of work, without reading what it need not.
 * The work is measured as the parsing thread's CPU time, which a loaded machine does not stretch as it does the wall
 * clock; the wall-clock bound only stops a runaway parse.
 */
class PathologicalPlansTest {
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final Duration HANG_GUARD = Duration.ofMinutes(2);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private static String planWithNamePattern(String pattern) {
        return """
                backupSets:
                  - name: nightly
                    target: { type: local, path: backups }
                    layout: { kind: directory-per-backup, namePattern: "%s" }
                    checks:
                      freshness: { maxAge: 26h }
                """.formatted(pattern);
    }

    private PlanException refused(String plan) throws Exception {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, plan);
        return withinBound(() -> {
            try {
                new PlanParser().parse(file);
            } catch (PlanException e) {
                return e;
            }
            throw new AssertionError("the plan was accepted");
        });
    }

    /** Runs the work, which must take less than {@link #BOUND} of CPU time (the first parse loads the parser too). */
    private static <T> T withinBound(ThrowingSupplier<T> work) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            long start = THREADS.getCurrentThreadCpuTime();
            try {
                return work.get();
            } finally {
                assertThat(Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - start)).as("CPU time")
                        .isLessThan(BOUND);
            }
        });
    }

    @Test
    void aNamePatternOfAHundredThousandCharactersIsAPlanErrorNamingTheKey() throws Exception {
        PlanException error = refused(planWithNamePattern("n".repeat(100_000) + "-{yyyy-MM-dd}"));
        assertThat(error.getMessage()).contains("backupSets[0].layout.namePattern")
                .contains("at most 1024 characters").hasSizeLessThan(400);
    }

    @Test
    void aTwoMegabyteNamePatternIsRefusedBeforeParsing() throws Exception {
        PlanException error = refused(planWithNamePattern("n".repeat(2_000_000)));
        assertThat(error.getMessage()).contains("a plan may be at most 1 MiB").hasSizeLessThan(400);
    }

    @Test
    void aFiveMegabyteCommentLineIsRefusedBeforeParsing() throws Exception {
        PlanException error = refused(planWithNamePattern("n-{yyyy-MM-dd}") + "# " + "x".repeat(5_000_000) + "\n");
        assertThat(error.getMessage()).contains("a plan may be at most 1 MiB");
    }

    @Test
    void planTextGivenDirectlyIsBoundedToo() {
        String plan = planWithNamePattern("n-{yyyy-MM-dd}") + "#" + "x".repeat(2_000_000);
        assertThatThrownBy(() -> withinBound(() -> new PlanParser().parse(plan, "plan.yaml", dir)))
                .isInstanceOf(PlanException.class).hasMessageContaining("at most 1 MiB");
    }

    @Test
    void aLongButPossibleNamePatternStillWorks() throws Exception {
        String pattern = "n".repeat(900) + "-{yyyy-MM-dd}";
        Plan plan = withinBound(() -> new PlanParser().parse(planWithNamePattern(pattern), "plan.yaml", dir));
        assertThat(plan.backupSets().get(0).layout().namePattern()).isEqualTo(pattern);
    }
}
