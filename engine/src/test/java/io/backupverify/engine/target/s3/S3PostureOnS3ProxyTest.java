package io.backupverify.engine.target.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real S3-compatible server that implements neither public access blocks, Object Lock nor bucket encryption
 * (S3Proxy's filesystem store answers 501): each posture question is the {@code unknown} verdict, never a pass.
 */
class S3PostureOnS3ProxyTest {
    @TempDir
    static Path store;

    static S3TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new S3TestServer(store);
        server.createBucket("posture");
        server.put("posture", "nightly-2026-11-29/orders.dump", "rows".getBytes(StandardCharsets.UTF_8), null);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private CheckResult run(Path dir, String check) throws Exception {
        String yaml = """
                backupSets:
                  - name: posture
                    target: { type: s3, bucket: posture, region: us-east-1, endpoint: "%s", pathStyle: true,
                              credentialsId: s3-reader }
                    layout: { namePattern: "nightly-{yyyy-MM-dd}" }
                    checks:
                      %s
                """.formatted(server.endpoint(), check);
        RunResult run = S3TargetTest.run(yaml, dir, S3TargetTest.goodKeys(), 1);
        return run.sets().get(0).checks().get(0);
    }

    @Test
    void questionsTheStoreCannotAnswerAreErrorsOrWarningsNeverPasses(@TempDir Path dir) throws Exception {
        CheckResult access = run(dir, "access: { public: forbid }");
        assertThat(access.status()).isEqualTo(Status.ERROR);
        assertThat(access.findings().get(0).message()).startsWith("the store cannot tell the bucket's public access "
                + "block: HTTP 501");
        assertThat(run(dir, "access: { public: forbid, unknown: warn }").status()).isEqualTo(Status.WARN);
        CheckResult immutability = run(dir, "immutability: { required: true, unknown: warn }");
        assertThat(immutability.status()).isEqualTo(Status.WARN);
        assertThat(immutability.findings().get(0).message()).startsWith("the store cannot tell the bucket's Object "
                + "Lock configuration: HTTP 501");
        CheckResult encryption = run(dir, "encryption: { atRest: required, inTransit: report }");
        assertThat(encryption.status()).isIn(Status.ERROR, Status.FAIL);
        assertThat(encryption.status()).isNotEqualTo(Status.PASS);
    }
}
