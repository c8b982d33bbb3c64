package io.backupverify.engine.target.s3;

import static io.backupverify.engine.testing.SetResults.messages;
import static io.backupverify.engine.testing.SetResults.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.AwsKeys;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretText;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.target.restic.ResticRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restic target over a repository that the real restic keeps in S3Proxy, with the S3 keys from credentials. */
class ResticInS3Test {
    private static final String PASSWORD = "canary-restic-s3-88a1";

    @TempDir
    static Path dir;
    private static S3TestServer server;
    private static String repository;

    @BeforeAll
    static void makeRepository() throws Exception {
        assumeTrue(ResticRepository.available(), "needs restic");
        server = new S3TestServer(Files.createDirectories(dir.resolve("s3")));
        repository = server.resticRepository("restic-repo");
        Path source = dir.resolve("src/orders");
        ResticRepository.randomFile(source.resolve("db.dump"), 1_000_000, 3);
        ResticRepository restic = new ResticRepository(repository, PASSWORD, S3TestServer.resticEnvironment());
        restic.backup(source, "db1", "orders");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private RunResult run(String secretKey) throws Exception {
        return run(secretKey, repository, """
                      freshness:    { maxAge: 1h }
                      completeness: { required: [db.dump] }
                      integrity:    { sample: 100%% }
                      capacity:     { quota: 1GB }
                """);
    }

    private RunResult run(String secretKey, String repository, String checks) throws Exception {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: restic, repository: "%s", passwordCredentialsId: pw, credentialsId: s3,
                              snapshots: { host: db1 } }
                    checks:
                """.formatted(repository) + checks.formatted();
        Map<String, CredentialValue> credentials = Map.of(
                "pw", new SecretText(SecretValue.of(PASSWORD)),
                "s3", new AwsKeys(S3TestServer.IDENTITY, SecretValue.of(secretKey), null));
        return new Verifier(new CredentialedTargetOpener(dir, CredentialResolver.of(credentials)))
                .verify(new PlanParser().parse(yaml, "plan.yaml", dir), VerifyOptions.defaults().withRunNumber(1));
    }

    @Test
    void everyCheckRunsOnARepositoryInS3AndAFlippedByteInAPackFails() throws Exception {
        SetResult healthy = run(S3TestServer.CREDENTIAL).sets().get(0);
        assertThat(statuses(healthy)).as(messages(healthy)).containsOnly(
                Map.entry("freshness", Status.PASS), Map.entry("completeness", Status.PASS),
                Map.entry("integrity", Status.PASS), Map.entry("capacity", Status.PASS));

        ResticRepository.flipByteInLargestPack(dir.resolve("s3/restic-repo"));
        SetResult rotten = run(S3TestServer.CREDENTIAL).sets().get(0);
        assertThat(statuses(rotten)).as(messages(rotten)).containsEntry("integrity", Status.FAIL);
    }

    @Test
    void aWrongSecretKeyIsAnErrorThatNeverShowsIt() throws Exception {
        String wrong = "canary-wrong-secret-3b7e";
        RunResult result = run(wrong);

        assertThat(statuses(result.sets().get(0)).values()).containsOnly(Status.ERROR);
        assertThat(new JsonReport().toString(result)).doesNotContain(wrong).doesNotContain(PASSWORD);
    }

    @Test
    void theDataOfForgottenSnapshotsCountsAsUsedSpaceUntilItIsPruned() throws Exception {
        // restic forget (without --prune) drops a snapshot but keeps its data: the bucket still holds it, and
        // restic stats --mode raw-data, which counts the remaining snapshots only, would leave it out.
        String forgetting = server.resticRepository("forgetting");
        Path source = Files.createDirectories(dir.resolve("forgetting-src"));
        new ResticRepository(forgetting, PASSWORD, S3TestServer.resticEnvironment())
                .backUpTwiceAndForgetTheFirst(source);

        SetResult set = run(S3TestServer.CREDENTIAL, forgetting, "      capacity: { quota: 1MB }\n").sets().get(0);

        CheckResult capacity = set.checks().get(0);
        assertThat(capacity.status()).as(messages(set)).isEqualTo(Status.FAIL);
        long stored;
        try (Stream<Path> files = Files.walk(dir.resolve("s3/forgetting"))) {
            stored = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
        assertThat((Long) capacity.metrics().get("usedBytes")).isGreaterThan(2_000_000L).isEqualTo(stored);
        assertThat(capacity.metrics().get("usageSource")).isEqualTo("the repository's objects in s3://forgetting/ at "
                + forgetting.substring("s3:".length(), forgetting.lastIndexOf('/')) + " (listing; with the data of "
                + "forgotten snapshots not yet pruned)");
    }
}
