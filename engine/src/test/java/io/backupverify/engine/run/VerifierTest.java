package io.backupverify.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.backup.BackupCatalog;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.ClockBehind;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.LayoutSpec;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.ForwardingTarget;
import io.backupverify.engine.target.LocalTarget;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.testing.BackupTree;
import io.backupverify.engine.testing.Plans;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String PLAN = """
            backupSets:
              - name: fresh
                target: { type: local, path: fresh }
                checks: { freshness: { maxAge: 1d }, completeness: { minFiles: 1 } }
              - name: stale
                target: { type: local, path: stale }
                checks: { freshness: { maxAge: 1d } }
              - name: absent
                target: { type: local, path: absent }
                checks: { freshness: { maxAge: 1d }, completeness: { minFiles: 1 } }
            """;

    @TempDir
    Path dir;

    @Test
    void theRunIsTheWorstOfItsSetsAndNothingIsSkippedSilently() throws Exception {
        new BackupTree(dir.resolve("fresh")).backup("b1", NOW.minusSeconds(3600), "a", "1");
        new BackupTree(dir.resolve("stale")).backup("b1", NOW.minusSeconds(3 * 86_400), "a", "1");

        RunResult run = Plans.run(PLAN, dir, NOW);

        assertThat(run.sets()).extracting(SetResult::name, SetResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fresh", Status.PASS),
                org.assertj.core.groups.Tuple.tuple("stale", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("absent", Status.ERROR));
        assertThat(run.status()).isEqualTo(Status.ERROR);
        assertThat(run.sets().get(2).checks()).hasSize(2).allSatisfy(check -> {
            assertThat(check.status()).isEqualTo(Status.ERROR);
            assertThat(check.summary()).contains("no such file or folder");
        });
        SetResult fresh = run.sets().get(0);
        assertThat(fresh.backupCount()).isEqualTo(1);
        assertThat(fresh.latestBackup().id()).isEqualTo("b1");
        assertThat(fresh.latestBackup().files()).isEqualTo(2);
        assertThat(run.checkCounts()).containsEntry(Status.PASS, 2).containsEntry(Status.FAIL, 1)
                .containsEntry(Status.ERROR, 2);
    }

    @Test
    void aClockThatWentBackBehindTheLatestRecordedRunIsCorrectedAndNamed() throws Exception {
        // The last backup is an hour old by this machine's clock, but the history holds a run that started two days
        // later than the clock reads now: the clock went back, and the backup is at least 2d 1h old.
        new BackupTree(dir.resolve("stale")).backup("b1", NOW.minusSeconds(3600), "a", "1");
        Plan plan = Plans.parse(PLAN, dir);
        VerifyOptions wrongClock = VerifyOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withSets(List.of("stale"));

        CheckResult unnoticed = new Verifier().verify(plan, wrongClock).sets().get(0).checks().get(0);
        CheckResult noticed = new Verifier().verify(plan, wrongClock.withClockChecked()
                .withLaterThan(new ClockBehind.Witness("the start of the latest run recorded in the history",
                        NOW.plusSeconds(2 * 86_400)))).sets().get(0).checks().get(0);
        CheckResult aRecordedRunBeforeNow = new Verifier().verify(plan, wrongClock.withClockChecked()
                .withLaterThan(new ClockBehind.Witness("the start of the latest run recorded in the history",
                        NOW.minusSeconds(60)))).sets().get(0).checks().get(0);

        assertThat(unnoticed.status()).isEqualTo(Status.PASS);
        assertThat(noticed.status()).isEqualTo(Status.FAIL);
        assertThat(noticed.summary()).contains("newest backup is 2d 1h old");
        assertThat(noticed.findings()).anySatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(Status.WARN);
            assertThat(finding.message()).contains("this machine's clock is 2d behind the start of the latest run "
                    + "recorded in the history (2026-11-28T12:00:00Z when this machine's clock read "
                    + "2026-11-26T12:00:00Z)");
        });
        assertThat(noticed.metrics()).containsEntry("clockBehindSeconds", 2 * 86_400L);
        assertThat(aRecordedRunBeforeNow.status()).isEqualTo(Status.PASS);
        assertThat(aRecordedRunBeforeNow.findings()).isEmpty();
    }

    @Test
    void runsOnlyTheSetsAskedFor() throws Exception {
        Plan plan = Plans.parse(PLAN, dir);
        VerifyOptions options = VerifyOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withSets(List.of("stale"));

        RunResult run = new Verifier().verify(plan, options);

        assertThat(run.sets()).extracting(SetResult::name).containsExactly("stale");
    }

    @Test
    void aTargetFailingWithAnUncheckedErrorWhileListingIsAnErrorForItsSetAndTheOtherSetsStillRun()
            throws Exception {
        new BackupTree(dir.resolve("fresh")).backup("b1", NOW.minusSeconds(3600), "a", "1");
        new BackupTree(dir.resolve("stale")).backup("b1", NOW.minusSeconds(3 * 86_400), "a", "1");
        Plan plan = Plans.parse(PLAN, dir);
        Verifier verifier = new Verifier(set -> set.name().equals("fresh") ? new ListingFails(dir.resolve("fresh"))
                : new LocalTarget(dir.resolve(set.name())));

        RunResult run = verifier.verify(plan, VerifyOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));

        assertThat(run.sets()).extracting(SetResult::name, SetResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fresh", Status.ERROR),
                org.assertj.core.groups.Tuple.tuple("stale", Status.FAIL),
                org.assertj.core.groups.Tuple.tuple("absent", Status.ERROR));
        assertThat(run.sets().get(0).checks()).hasSize(2).allSatisfy(check -> {
            assertThat(check.status()).isEqualTo(Status.ERROR);
            assertThat(check.summary()).contains("stale file handle");
        });
    }

    /** A target whose listing fails the way a directory stream does on an I/O error: unchecked. */
    private static final class ListingFails extends ForwardingTarget {
        ListingFails(Path root) {
            super(new LocalTarget(root));
        }

        @Override
        public List<Entry> list(String folder) {
            throw new java.io.UncheckedIOException(new java.io.IOException("stale file handle"));
        }

        @Override
        public void walk(String folder, Consumer<Entry> visitor) {
            list(folder);
        }
    }

    @Test
    void aCheckThatThrowsIsAnError() throws Exception {
        CheckResult result = runCheckThat(() -> {
            throw new IllegalStateException("boom");
        });

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.summary()).contains("boom");
    }

    @Test
    void aCheckWhoseLibraryIsMissingIsAnErrorSayingSo() throws Exception {
        CheckResult result = runCheckThat(() -> {
            throw new NoClassDefFoundError("io/zonky/test/db/postgres/embedded/EmbeddedPostgres");
        });

        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.summary()).contains("library it needs is missing")
                .contains("io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
    }

    /** Runs a check on one backup that does what {@code work} does (throws, here) instead of checking. */
    private CheckResult runCheckThat(Runnable work) throws Exception {
        new BackupTree(dir).backup("b1", NOW, "a", "1");
        LocalTarget target = new LocalTarget(dir);
        BackupCatalog catalog = new BackupCatalog(target, LayoutSpec.DEFAULT, ZoneOffset.UTC);
        CheckContext context = new CheckContext(Plans.parse(PLAN, dir).backupSets().get(0), target, catalog,
                catalog.discover(), NOW, ZoneOffset.UTC, 1, 1, io.backupverify.engine.check.Progress.NONE);
        Check check = new Check() {
            @Override
            public String id() {
                return "throws";
            }

            @Override
            public CheckResult run(CheckContext ignored) {
                work.run();
                return CheckResult.error(id(), "did not throw");
            }
        };
        return Verifier.runCheck(check, context);
    }
}
