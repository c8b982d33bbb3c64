package io.backupverify.engine.target.s3;

import static io.backupverify.engine.target.s3.S3TargetTest.random;
import static io.backupverify.engine.target.s3.S3TargetTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.AwsKeys;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.plan.S3TargetSpec;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.testing.FaultProxy;
import io.backupverify.engine.testing.FaultProxy.Fault;
import io.backupverify.engine.testing.Plans;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults between the real S3 client and the real S3 server, injected by a TCP proxy: cut bodies and resets are
 * resumed or retried and give the right digest; faults that persist end as an error naming the cause, never a
 * pass and never a hang.
 */
@Timeout(120)
class S3FaultsTest {
    private static final String BUCKET = "faults";
    private static final int SIZE = 1_500_000;
    private static final byte[] CONTENT = random(SIZE, 3);
    /** The socket time-out of the test that waits for one: a stall must end as an error soon. */
    private static final Duration TIMEOUT = Duration.ofMillis(700);
    /**
     * Where no test waits for a time-out to pass: long enough that a slow answer from a loaded machine is not taken
     * for a fault, which would use up the tries a test counts on to resume after the faults it injects.
     */
    private static final Duration PATIENT_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path storage;
    private static S3TestServer server;
    private FaultProxy proxy;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        server = new S3TestServer(storage);
        server.createBucket(BUCKET);
        server.put(BUCKET, "orders-2026-11-29/db.dump", CONTENT, null);
        server.put(BUCKET, "orders-2026-11-29/SHA256SUMS",
                (sha256(CONTENT) + "  db.dump\n").getBytes(StandardCharsets.UTF_8), null);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void startProxy() throws IOException {
        proxy = new FaultProxy(server.port());
    }

    @AfterEach
    void stopProxy() throws IOException {
        proxy.close();
    }

    private S3Target target(PartedObjectStream.Parts parts) throws IOException {
        return target(parts, PATIENT_TIMEOUT);
    }

    private S3Target target(PartedObjectStream.Parts parts, Duration socketTimeout) throws IOException {
        S3TargetSpec spec = new S3TargetSpec(BUCKET, "", "us-east-1", "http://127.0.0.1:" + proxy.port(), true,
                "s3-reader");
        return S3Targets.open(spec, Optional.of(keys()), settings(socketTimeout, parts));
    }

    private static S3Targets.Settings settings(Duration socketTimeout, PartedObjectStream.Parts parts) {
        return new S3Targets.Settings(Duration.ofSeconds(2), socketTimeout,
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100)), parts);
    }

    private static CredentialValue keys() {
        return new AwsKeys(S3TestServer.IDENTITY, SecretValue.of(S3TestServer.CREDENTIAL), null);
    }

    private String read(S3Target target) throws Exception {
        try (InputStream in = target.open("orders-2026-11-29/db.dump")) {
            return sha256(in.readAllBytes());
        }
    }

    @Test
    void aBodyCutOffMidObjectIsResumedWithARangedReadAndHashesRight() throws Exception {
        try (S3Target target = target(null)) {
            proxy.inject(Fault.CUT, 200_000, 3);
            assertThat(read(target)).isEqualTo(sha256(CONTENT));
            // The first read and the resumed ones went without the SDK's pipeline (DirectGets).
            assertThat(target.directReads()).isEqualTo(4);
        }
        assertThat(proxy.faultsInjected()).isEqualTo(3);
    }

    @Test
    void connectionsResetMidObjectAreResumedAlsoForRangedParts() throws Exception {
        try (S3Target target = target(new PartedObjectStream.Parts(256 * 1024, 512 * 1024, 3, 4, 3))) {
            proxy.inject(Fault.RESET, 100_000, 4);
            assertThat(read(target)).isEqualTo(sha256(CONTENT));
            assertThat(target.directReads()).isPositive();
        }
        assertThat(proxy.faultsInjected()).isEqualTo(4);
    }

    @Test
    void throttlingIsRetriedWithBackoff() throws Exception {
        try (S3Target target = target(null)) {
            proxy.inject(Fault.THROTTLE, 0, 2);
            assertThat(target.list("")).isNotEmpty();
            proxy.inject(Fault.THROTTLE, 0, 2);
            assertThat(read(target)).isEqualTo(sha256(CONTENT));
        }
        assertThat(proxy.faultsInjected()).isEqualTo(4);
    }

    @Test
    void persistentFaultsEndInAnErrorNamingTheCauseNotAHang() throws Exception {
        try (S3Target target = target(null, TIMEOUT)) {
            proxy.inject(Fault.RESET, 0, Integer.MAX_VALUE);
            assertThatThrownBy(() -> read(target)).isInstanceOf(IOException.class)
                    .hasMessageContaining("db.dump");
            proxy.inject(Fault.STALL, 0, Integer.MAX_VALUE);
            long started = System.nanoTime();
            assertThatThrownBy(() -> read(target)).isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("timed out"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
            proxy.inject(Fault.THROTTLE, 0, Integer.MAX_VALUE);
            assertThatThrownBy(() -> target.list("")).isInstanceOf(IOException.class)
                    .hasMessageContaining("503");
        }
    }

    @Test
    void aBodyCutOffForeverIsAnErrorNeverAPartialBodyHashedAsWhole() throws Exception {
        try (S3Target target = target(null)) {
            proxy.inject(Fault.CUT, 300_000, Integer.MAX_VALUE);
            // Each connection gives 300 kB less its headers; the reader resumes until its limit of failures, or
            // completes: never a short body.
            try {
                assertThat(read(target)).isEqualTo(sha256(CONTENT));
            } catch (IOException e) {
                assertThat(e.getMessage()).contains("failed at byte");
            }
        }
    }

    @Test
    void theServerGoingAwayMidReadIsAnErrorForIntegrity() throws Exception {
        // Larger than what the sockets' buffers can hold, so most of it is still to come when the server goes.
        server.put(BUCKET, "large/big.bin", random(24 << 20, 5), null);
        try (S3Target target = target(null); InputStream in = target.open("large/big.bin")) {
            in.readNBytes(10_000);
            proxy.close();
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageContaining("failed at byte");
        }
    }

    @Test
    void throughTheVerifierFaultsNeverPass() throws Exception {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: s3, bucket: faults, endpoint: "http://127.0.0.1:%d", pathStyle: true, region: us-east-1, credentialsId: s3-reader }
                    layout: { namePattern: "orders-{yyyy-MM-dd}" }
                    checks:
                      integrity: {}
                """.formatted(proxy.port());
        Map<String, CredentialValue> credentials = Map.of("s3-reader", keys());
        Verifier verifier = new Verifier(new CredentialedTargetOpener(work, CredentialResolver.of(credentials),
                (spec, dir, creds) -> S3Targets.open((S3TargetSpec) spec, creds, settings(PATIENT_TIMEOUT, null))));

        proxy.inject(Fault.CUT, 150_000, 2);
        RunResult resumed = verifier.verify(Plans.parse(yaml, work), VerifyOptions.defaults());
        CheckResult passed = resumed.sets().get(0).checks().get(0);
        assertThat(passed.status()).as(passed.toString()).isEqualTo(Status.PASS);

        // Listing succeeds on a healthy connection, then every read of the object is reset.
        verifier = new Verifier(new CredentialedTargetOpener(work, CredentialResolver.of(credentials),
                (spec, dir, creds) -> new ResettingReads(S3Targets.open((S3TargetSpec) spec, creds,
                        settings(PATIENT_TIMEOUT, null)), proxy)));
        RunResult failed = verifier.verify(Plans.parse(yaml, work), VerifyOptions.defaults());
        CheckResult error = failed.sets().get(0).checks().get(0);
        assertThat(error.status()).as(error.toString()).isEqualTo(Status.ERROR);
        assertThat(error.findings()).anySatisfy(finding -> assertThat(finding.item() + finding.message())
                .contains("db.dump").contains("failed at byte"));

        proxy.close();
        RunResult gone = verifier.verify(Plans.parse(yaml, work), VerifyOptions.defaults());
        assertThat(gone.sets().get(0).checks().get(0).status()).isEqualTo(Status.ERROR);
        assertThat(new JsonReport().toString(gone)).doesNotContain(S3TestServer.CREDENTIAL);
    }

    /** Resets every connection from the first object read on, after the listing went through. */
    private static final class ResettingReads extends io.backupverify.engine.target.ForwardingTarget {
        private final FaultProxy proxy;

        ResettingReads(S3Target target, FaultProxy proxy) {
            super(target);
            this.proxy = proxy;
        }

        @Override
        public InputStream open(String path) throws IOException {
            if (path.endsWith("db.dump")) {
                proxy.inject(Fault.RESET, 0, Integer.MAX_VALUE);
            }
            return super.open(path);
        }
    }
}
