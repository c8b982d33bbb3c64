package io.backupverify.engine.restore;

import static io.backupverify.engine.restore.RestoreRuns.NOW;
import static io.backupverify.engine.restore.RestoreRuns.leftIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.plan.FilesRestoreSpec;
import io.backupverify.engine.restore.files.FilesRestoreKind;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.testing.BackupTree;
import io.backupverify.engine.testing.Plans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Set-up a kind begins before its restore test (a scratch database made while the target is listed): taken over by
 * the restore and timed with it, or undone exactly once, and said, whenever the test ends without taking it.
 */
class RestorePreparationTest {
    private static final String PLAN = """
            backupSets:
              - name: docs
                target: { type: local, path: backups }
                layout: { kind: directory-per-backup, namePattern: "docs-{yyyy-MM-dd}" }
                restoreTest:
                  restore: { kind: files }
              - name: more-docs
                target: { type: local, path: backups }
                layout: { kind: directory-per-backup, namePattern: "docs-{yyyy-MM-dd}" }
                restoreTest:
                  restore: { kind: files }
            """;
    /** The fake set-up says it began this long before the test... */
    private static final Duration BEGAN = Duration.ofHours(1);
    /** ...and took this long: what the restore that takes it over counts, not the hour. */
    private static final Duration TOOK = Duration.ofMinutes(10);

    @TempDir
    Path dir;
    Path scratch;
    EarlyKind kind;

    @BeforeEach
    void backups() throws Exception {
        scratch = Files.createDirectories(dir.resolve("scratch"));
        new BackupTree(dir.resolve("backups")).backup("docs-2026-11-25", NOW.minus(Duration.ofDays(1)),
                "readme.txt", "hello");
        kind = new EarlyKind();
    }

    private RunResult run(String plan) throws InterruptedException {
        RestoreTester tester = new RestoreTester(new RestoreKinds().with(kind), new ScratchArea(scratch), null,
                CredentialResolver.NONE);
        RunResult run = tester.run(Plans.parse(plan, dir), VerifyOptions.defaults()
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        kind.staleRemoved = tester.staleRemoved();
        return run;
    }

    @SuppressWarnings("unchecked")
    private static List<String> removed(CheckResult result) {
        return (List<String>) result.metrics().get("removed");
    }

    @Test
    void aRestoreTakesOverTheSetUpOfTheFirstTestOnlyAndIsTimedFromItsStart() throws Exception {
        RunResult run = run(PLAN);

        CheckResult first = run.sets().get(0).checks().get(0);
        assertThat(first.status()).as(first.toString()).isEqualTo(Status.PASS);
        assertThat(kind.prepared).as("set-up begun for the first test only").hasValue(1);
        assertThat(kind.discarded).hasValue(0);
        assertThat(kind.claims).containsExactly(true, false);
        assertThat(removed(first)).contains("the early set-up, undone by its restore");
        // the set-up's ten minutes count as the restore's and the test's time; the rest of the hour before it ended
        // (listing the target, say) does not
        assertThat((Long) first.metrics().get("restoreMs")).isBetween(TOOK.toMillis(), BEGAN.toMillis() - 1);
        assertThat((Long) first.metrics().get("totalMs")).isBetween(TOOK.toMillis(), BEGAN.toMillis() - 1);
        CheckResult second = run.sets().get(1).checks().get(0);
        assertThat((Long) second.metrics().get("restoreMs")).isLessThan(TOOK.toMillis());
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aTestWithoutABackupToRestoreUndoesTheSetUpAndSaysSo() throws Exception {
        RunResult run = run(PLAN.replace("docs-{yyyy-MM-dd}", "none-{yyyy-MM-dd}"));

        CheckResult result = run.sets().get(0).checks().get(0);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(kind.discarded).hasValue(1);
        assertThat(removed(result)).containsExactly("the early set-up, discarded");
    }

    @Test
    void aRestoreThatFailsBeforeTakingTheSetUpHasItUndoneByTheTest() throws Exception {
        kind.failBeforeClaim = true;

        CheckResult result = run(PLAN).sets().get(0).checks().get(0);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(kind.discarded).hasValue(1);
        assertThat(removed(result)).contains("the early set-up, discarded");
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aSetWhoseTargetCannotBeListedHasItsSetUpUndoneByTheRun() throws Exception {
        RunResult run = run(PLAN.replace("path: backups", "path: absent"));

        assertThat(run.status()).isEqualTo(Status.ERROR);
        assertThat(kind.discarded).hasValue(1);
        assertThat(kind.staleRemoved).contains("the early set-up, discarded");
    }

    @Test
    void aTestStoppedWhileItsRestoreWaitsForTheSetUpUndoesItExactlyOnce() throws Exception {
        kind.waitForever = true;

        CheckResult result = run(PLAN.replace("restore: { kind: files }", "timeout: 1s\n      restore: { kind: files }"))
                .sets().get(0).checks().get(0);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        int undone = kind.discarded.get() + (int) kind.claims.stream().filter(claimed -> claimed).count();
        assertThat(undone).as("discarded by the test or taken over (and undone) by the stopped restore, not both")
                .isEqualTo(1);
        assertThat(leftIn(scratch)).isEmpty();
    }

    /** The files kind with set-up begun early, which it takes over before copying. */
    private static final class EarlyKind implements RestoreKind<FilesRestoreSpec> {
        final AtomicInteger prepared = new AtomicInteger();
        final AtomicInteger discarded = new AtomicInteger();
        final List<Boolean> claims = new ArrayList<>();
        volatile boolean failBeforeClaim;
        volatile boolean waitForever;
        volatile List<String> staleRemoved;
        private final FilesRestoreKind files = new FilesRestoreKind();

        @Override
        public String name() {
            return files.name();
        }

        @Override
        public Class<FilesRestoreSpec> specType() {
            return files.specType();
        }

        @Override
        public Optional<RestorePreparation> prepare(FilesRestoreSpec spec, Path scratchRoot,
                CredentialResolver credentials) {
            prepared.incrementAndGet();
            long started = System.nanoTime() - BEGAN.toNanos();
            return Optional.of(new RestorePreparation() {
                @Override
                public long nanosUnderWayBy(long nanos) {
                    return Math.min(nanos - started, TOOK.toNanos());
                }

                @Override
                public List<String> discard() {
                    discarded.incrementAndGet();
                    return List.of("the early set-up, discarded");
                }
            });
        }

        @Override
        public Restored restore(FilesRestoreSpec spec, RestoreJob job) throws IOException, InterruptedException {
            if (failBeforeClaim) {
                throw new RestoreRefusedException("readme.txt", "refused before taking the set-up over");
            }
            if (waitForever && job.preparation(RestorePreparation.class).isPresent()) {
                try {
                    new CountDownLatch(1).await();
                } finally {
                    claim(job);
                }
            }
            claim(job);
            return files.restore(spec, job);
        }

        private void claim(RestoreJob job) {
            boolean claimed = job.claimPreparation("the early set-up, undone by its restore", () -> { });
            synchronized (claims) {
                claims.add(claimed);
            }
        }
    }
}
