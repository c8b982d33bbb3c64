package io.backupverify.engine.target.restic;

import static io.backupverify.engine.testing.SetResults.messages;
import static io.backupverify.engine.testing.SetResults.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretText;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.plan.ResticTargetSpec;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restic target over a repository the real restic made, through the whole verifier. */
class ResticTargetTest {
    private static final String PASSWORD = "canary-restic-5d1e";

    @TempDir
    static Path dir;
    private static Path repo;
    private static byte[] dump;

    @BeforeAll
    static void makeRepository() throws Exception {
        assumeTrue(ResticRepository.available(), "needs restic");
        Path source = Files.createDirectories(dir.resolve("src/var/backups/orders"));
        dump = new byte[1_500_000];
        new Random(1).nextBytes(dump);
        Files.write(source.resolve("db.dump"), dump);
        Files.createDirectories(source.resolve("etc"));
        Files.writeString(source.resolve("etc/app.conf"), "x=1\n");
        repo = dir.resolve("repo");
        ResticRepository restic = new ResticRepository(repo.toString(), PASSWORD, Map.of());
        restic.backup(source, "db1", "orders");
        Files.writeString(source.resolve("etc/app.conf"), "x=2\n");
        restic.backup(source, "db1", "orders", "nightly");
        restic.backup(source, "web1", "orders");
    }

    private String plan(String checks) {
        return """
                backupSets:
                  - name: orders
                    target:
                      type: restic
                      repository: repo
                      passwordCredentialsId: restic-pw
                      snapshots: { host: db1, tags: [orders] }
                    checks:
                %s
                """.formatted(checks.indent(6));
    }

    private RunResult run(String yaml, long runNumber, Map<String, CredentialValue> credentials) throws Exception {
        var plan = new PlanParser().parse(yaml, "plan.yaml", dir);
        return new Verifier(new CredentialedTargetOpener(dir, CredentialResolver.of(credentials)))
                .verify(plan, VerifyOptions.defaults().withRunNumber(runNumber));
    }

    private SetResult run(String yaml, long runNumber) throws Exception {
        return run(yaml, runNumber, Map.of("restic-pw", new SecretText(SecretValue.of(PASSWORD)))).sets().get(0);
    }

    @Test
    void everyApplicableCheckPassesOnTheSelectedSnapshots() throws Exception {
        SetResult set = run(plan("""
                freshness:    { maxAge: 1h }
                completeness: { required: [db.dump, etc/app.conf], minFiles: 2 }
                integrity:    { sample: 100% }
                capacity:     { quota: 1GB }
                retention:    { keepDaily: 1 }
                """), 1);

        assertThat(statuses(set)).as(messages(set)).containsOnly(
                Map.entry("freshness", Status.PASS), Map.entry("completeness", Status.PASS),
                Map.entry("integrity", Status.PASS), Map.entry("capacity", Status.PASS),
                Map.entry("retention", Status.PASS));
        assertThat(set.backupCount()).as("host db1 with tag orders").isEqualTo(2);
        assertThat(set.checks().stream().filter(c -> c.id().equals("integrity")).findFirst().orElseThrow()
                .summary()).contains("reading all pack files");
    }

    @Test
    void aFlippedByteInAPackFailsTheRotationRunThatReadsItAndAFullReadButNeverPasses() throws Exception {
        ResticRepository.copy(repo, dir.resolve("rotten"));
        ResticRepository.flipByteInLargestPack(dir.resolve("rotten"));
        String sampled = plan("integrity: { sample: 25% }").replace("repository: repo", "repository: rotten");

        List<Status> rotation = new ArrayList<>();
        for (long runNumber = 0; runNumber < 4; runNumber++) {
            rotation.add(statuses(run(sampled, runNumber)).get("integrity"));
        }
        SetResult full = run(plan("integrity: { sample: 100% }").replace("repository: repo", "repository: rotten"), 1);

        assertThat(rotation).as("four runs read every pack once").containsOnlyOnce(Status.FAIL)
                .containsOnly(Status.PASS, Status.FAIL);
        assertThat(statuses(full)).as(messages(full)).containsEntry("integrity", Status.FAIL);
        assertThat(full.checks().get(0).findings()).isNotEmpty();
    }

    /**
     * The run after the one whose subset held the damaged pack reads that subset again, as the history recorded it:
     * without that it would read the next subset and pass (a retried job turning green with nothing fixed).
     */
    @Test
    void theRunAfterAFailedSubsetReadsThatSubsetAgainAndFails() throws Exception {
        ResticRepository.copy(repo, dir.resolve("rotten-again"));
        ResticRepository.flipByteInLargestPack(dir.resolve("rotten-again"));
        var plan = new PlanParser().parse(plan("integrity: { sample: 25% }")
                .replace("repository: repo", "repository: rotten-again"), "plan.yaml", dir);
        Verifier verifier = new Verifier(new CredentialedTargetOpener(dir, CredentialResolver.of(
                Map.of("restic-pw", new SecretText(SecretValue.of(PASSWORD))))));
        RunResult failed = null;
        long runNumber = 0;
        for (; runNumber < 4 && failed == null; runNumber++) {
            RunResult result = verifier.verify(plan, VerifyOptions.defaults().withRunNumber(runNumber));
            if (statuses(result.sets().get(0)).get("integrity") == Status.FAIL) {
                failed = result;
            }
        }
        assertThat(failed).as("one of four runs reads the damaged pack").isNotNull();
        var rechecks = io.backupverify.engine.history.RunHistory.rechecks(
                io.backupverify.engine.history.RunRecords.of(failed, io.backupverify.engine.history.RunKind.VERIFY));

        SetResult forgetful = verifier.verify(plan, VerifyOptions.defaults().withRunNumber(runNumber)).sets().get(0);
        SetResult next = verifier.verify(plan, VerifyOptions.defaults().withRunNumber(runNumber)
                .withRechecks(rechecks)).sets().get(0);

        assertThat(statuses(forgetful)).as("the next subset alone is clean").containsEntry("integrity", Status.PASS);
        assertThat(statuses(next)).as(messages(next)).containsEntry("integrity", Status.FAIL);
        assertThat(next.checks().get(0).summary()).contains("again");
        assertThat(next.checks().get(0).metrics()).containsEntry("recheckSlices", String.valueOf((runNumber - 1) % 4 + 1));
    }

    /**
     * The sample changed after a subset failed (25%, then 50%): the next run reads the failed subset again by the cut
     * it was named in ({@code --read-data-subset m/4}) besides its own half, which does not hold the damaged pack, and
     * fails; it names the half that holds it for the run after. Before, a subset of another cut was dropped and the run
     * passed. restic puts a pack in subset n/t by the first byte of its ID modulo t.
     */
    @Test
    void aFailedSubsetIsReadAgainAfterTheSampleChanged() throws Exception {
        ResticRepository.copy(repo, dir.resolve("rotten-cut"));
        ResticRepository.flipByteInLargestPack(dir.resolve("rotten-cut"));
        Verifier verifier = new Verifier(new CredentialedTargetOpener(dir, CredentialResolver.of(
                Map.of("restic-pw", new SecretText(SecretValue.of(PASSWORD))))));
        var quarter = new PlanParser().parse(plan("integrity: { sample: 25% }")
                .replace("repository: repo", "repository: rotten-cut"), "plan.yaml", dir);
        var half = new PlanParser().parse(plan("integrity: { sample: 50% }")
                .replace("repository: repo", "repository: rotten-cut"), "plan.yaml", dir);
        RunResult failed = null;
        int subset = 0;
        for (long runNumber = 0; runNumber < 4 && failed == null; runNumber++) {
            RunResult result = verifier.verify(quarter, VerifyOptions.defaults().withRunNumber(runNumber));
            if (statuses(result.sets().get(0)).get("integrity") == Status.FAIL) {
                failed = result;
                subset = (int) runNumber + 1;
            }
        }
        assertThat(failed).as("one of four runs reads the damaged pack").isNotNull();
        var rechecks = io.backupverify.engine.history.RunHistory.rechecks(
                io.backupverify.engine.history.RunRecords.of(failed, io.backupverify.engine.history.RunKind.VERIFY));
        // the damaged pack's first byte is subset - 1 modulo 4, so modulo 2 it is (subset - 1) % 2: the half of run
        // number subset % 2 does not hold it
        long otherHalf = subset % 2;

        SetResult forgetful = verifier.verify(half, VerifyOptions.defaults().withRunNumber(otherHalf)).sets().get(0);
        SetResult next = verifier.verify(half, VerifyOptions.defaults().withRunNumber(otherHalf)
                .withRechecks(rechecks)).sets().get(0);

        assertThat(statuses(forgetful)).as("its own half alone is clean").containsEntry("integrity", Status.PASS);
        assertThat(statuses(next)).as(messages(next)).containsEntry("integrity", Status.FAIL);
        assertThat(next.checks().get(0).summary()).contains("subset " + subset + "/4");
        assertThat(next.checks().get(0).metrics()).containsEntry("sampleSlices", 2)
                .containsEntry("recheckSlices", String.valueOf((subset - 1) % 2 + 1));
    }

    @Test
    void completenessSeesTheFilesOfTheSnapshot() throws Exception {
        SetResult set = run(plan("completeness: { required: [db.dump, missing.dump] }"), 1);

        assertThat(statuses(set)).as(messages(set)).containsEntry("completeness", Status.FAIL);
        assertThat(set.checks().get(0).findings()).anySatisfy(f -> assertThat(f.toString()).contains("missing.dump"));
    }

    @Test
    void aMissingIndexIsAnErrorSayingSoWithoutResticsGoStack() throws Exception {
        ResticRepository.copy(repo, dir.resolve("no-index"));
        try (var index = Files.list(dir.resolve("no-index/index"))) {
            for (Path file : index.toList()) {
                Files.delete(file);
            }
        }
        SetResult set = run(plan("completeness: { required: [db.dump] }")
                .replace("repository: repo", "repository: no-index"), 1);

        assertThat(statuses(set)).as(messages(set)).containsEntry("completeness", Status.ERROR);
        String said = messages(set);
        assertThat(said).contains("restic ls failed").contains("not found in repository")
                .contains("an index or pack file is missing or damaged");
        assertThat(said).doesNotContain(".go:").doesNotContain("runtime.").doesNotContain("asm_amd64");
    }

    @Test
    void filesReadThroughResticDumpAreTheBackedUpBytes() throws Exception {
        var spec = new ResticTargetSpec(repo.toString(), "pw", null,
                new ResticTargetSpec.SnapshotFilter("db1", List.of("nightly"), List.of()), null);
        try (ResticTarget target = ResticTarget.open(spec, dir, Optional.empty(),
                CredentialResolver.of(Map.of("pw", new SecretText(SecretValue.of(PASSWORD)))))) {
            var snapshots = target.list("");
            assertThat(snapshots).hasSize(1);
            String id = snapshots.get(0).path();
            assertThat(target.list(id)).extracting(e -> e.name()).containsExactly("db.dump", "etc");
            try (InputStream in = target.open(id + "/db.dump")) {
                assertThat(in.readAllBytes()).isEqualTo(dump);
            }
            assertThat(target.stat(id + "/etc/app.conf")).hasValueSatisfying(e -> assertThat(e.size()).isEqualTo(4));
            assertThat(target.usage()).hasValueSatisfying(u -> assertThat(u.usedBytes()).isPositive());
        }
    }

    @Test
    void theDataOfForgottenSnapshotsCountsAsUsedSpaceUntilItIsPruned() throws Exception {
        // restic forget (without --prune) drops a snapshot but keeps its data: the repository's folder still holds it
        Path source = Files.createDirectories(dir.resolve("forgetting-src"));
        new ResticRepository(dir.resolve("forgetting").toString(), PASSWORD, Map.of())
                .backUpTwiceAndForgetTheFirst(source);

        SetResult set = run(plan("capacity: { quota: 1MB }").replace("repository: repo",
                "repository: forgetting"), 1);

        CheckResult capacity = set.checks().get(0);
        assertThat(capacity.status()).as(messages(set)).isEqualTo(Status.FAIL);
        assertThat((Long) capacity.metrics().get("usedBytes")).isGreaterThan(2_000_000L);
        assertThat(capacity.metrics().get("usageSource")).asString().startsWith("the repository folder's files");
    }

    @Test
    void aWrongPasswordIsAnErrorThatNeverShowsIt() throws Exception {
        RunResult result = run(plan("freshness: { maxAge: 1h }"), 1,
                Map.of("restic-pw", new SecretText(SecretValue.of(PASSWORD + "-wrong"))));

        SetResult set = result.sets().get(0);
        assertThat(statuses(set).values()).containsOnly(Status.ERROR);
        assertThat(set.checks().get(0).summary()).contains("restic snapshots failed");
        assertThat(new JsonReport().toString(result)).doesNotContain(PASSWORD);
    }

    @Test
    void aMissingPasswordIdIsAnErrorNamingIt() throws Exception {
        RunResult result = run(plan("freshness: { maxAge: 1h }"), 1, Map.of());

        assertThat(result.sets().get(0).checks().get(0).summary()).contains("credentials 'restic-pw'");
    }

    @Test
    void aRepositoryThatIsGoneIsAnError() throws Exception {
        SetResult set = run(plan("freshness: { maxAge: 1h }").replace("repository: repo", "repository: nowhere"), 1);

        assertThat(statuses(set).values()).containsOnly(Status.ERROR);
    }
}
