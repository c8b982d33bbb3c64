package io.backupverify.engine.restore.restic;

import static io.backupverify.engine.restore.RestoreRuns.leftIn;
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
import io.backupverify.engine.restore.RestoreKinds;
import io.backupverify.engine.restore.RestoreTester;
import io.backupverify.engine.restore.ScratchArea;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.target.restic.ResticRepository;
import io.backupverify.engine.target.s3.S3TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kind: restic} on a repository the real restic keeps in S3Proxy, with the keys and password from credentials. */
class ResticRestoreInS3Test {
    private static final String PASSWORD = "canary-restic-restore-s3-41d9";

    @TempDir
    static Path dir;
    @TempDir
    Path scratch;
    private static S3TestServer server;
    private static String repository;

    @BeforeAll
    static void makeRepository() throws Exception {
        assumeTrue(ResticRepository.available(), "needs restic");
        server = new S3TestServer(Files.createDirectories(dir.resolve("s3")));
        repository = server.resticRepository("restic-restore");
        Path source = dir.resolve("src/orders");
        byte[] dump = ResticRepository.randomFile(source.resolve("db.dump"), 1_200_000, 5);
        Files.writeString(source.resolve("SHA256SUMS"), HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(dump)) + "  db.dump\n");
        new ResticRepository(repository, PASSWORD, S3TestServer.resticEnvironment()).backup(source, "db1", "orders");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private RunResult restoreTest() throws Exception {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: restic, repository: "%s", passwordCredentialsId: pw, credentialsId: s3,
                              snapshots: { host: db1 } }
                    restoreTest:
                      rto: 10m
                      restore: { kind: restic }
                      validate: [ { checksums: SHA256SUMS }, { required: [db.dump] } ]
                """.formatted(repository);
        Map<String, CredentialValue> credentials = Map.of(
                "pw", new SecretText(SecretValue.of(PASSWORD)),
                "s3", new AwsKeys(S3TestServer.IDENTITY, SecretValue.of(S3TestServer.CREDENTIAL), null));
        CredentialResolver resolver = CredentialResolver.of(credentials);
        return new RestoreTester(RestoreKinds.defaults(), new ScratchArea(scratch),
                new CredentialedTargetOpener(dir, resolver), resolver)
                .run(new PlanParser().parse(yaml, "plan.yaml", dir), VerifyOptions.defaults().withRunNumber(1));
    }

    @Test
    void aSnapshotInS3IsRestoredAndValidatedAndADamagedPackFailsItWithoutShowingSecrets() throws Exception {
        RunResult healthy = restoreTest();
        CheckResult restored = healthy.sets().get(0).checks().get(0);
        assertThat(restored.status()).as(restored.toString()).isEqualTo(Status.PASS);
        assertThat(restored.metrics()).containsEntry("kind", "restic").containsEntry("restoredFiles", 2L);
        assertThat(leftIn(scratch)).isEmpty();

        ResticRepository.flipByteInLargestPack(dir.resolve("s3/restic-restore"));
        RunResult rotten = restoreTest();
        CheckResult failed = rotten.sets().get(0).checks().get(0);
        assertThat(failed.status()).as(failed.toString()).isEqualTo(Status.FAIL);
        assertThat(failed.summary()).contains("could not be restored");
        for (RunResult run : new RunResult[] {healthy, rotten}) {
            assertThat(new JsonReport().toString(run)).doesNotContain(PASSWORD)
                    .doesNotContain(S3TestServer.CREDENTIAL);
        }
        assertThat(leftIn(scratch)).isEmpty();
    }
}
