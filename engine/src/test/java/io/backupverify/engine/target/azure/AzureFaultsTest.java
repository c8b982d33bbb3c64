package io.backupverify.engine.target.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.AzureSharedKey;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.plan.AzureTargetSpec;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.testing.BackupTree;
import io.backupverify.engine.testing.FaultProxy;
import io.backupverify.engine.testing.FaultProxy.Fault;
import io.backupverify.engine.testing.Plans;
import io.backupverify.testservers.Azurite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults between the real Azure SDK and Azurite, injected by a TCP proxy: cut and reset bodies, slow connections and
 * scripted 503 ServerBusy / 500 InternalError answers are retried with backoff and give the right digest; faults
 * that persist, a stalled connection and a server stopped mid-read end as an error naming the cause, never a pass
 * and never a hang. The timeouts are hang guards only.
 */
@Timeout(240)
class AzureFaultsTest {
    private static final String CONTAINER = "faults";
    /** Larger than the SDK's 4 MiB read block, so a read takes several requests. */
    private static final byte[] CONTENT = new byte[6 * 1024 * 1024 + 1234];
    /** The tries of the test that waits for a time-out: a stalled connection must end as an error soon. */
    private static final AzureTarget.Retries IMPATIENT = new AzureTarget.Retries(3, Duration.ofSeconds(6),
            Duration.ofMillis(50), Duration.ofMillis(400));
    /**
     * Where no test waits for a time-out to pass: each try may take long enough that a slow answer from a loaded
     * machine is not taken for a fault, which would use up the tries a test counts on to get past its faults.
     */
    private static final AzureTarget.Retries RETRIES = new AzureTarget.Retries(3, Duration.ofSeconds(60),
            Duration.ofMillis(50), Duration.ofMillis(400));
    private static final String SERVER_BUSY = FaultProxy.response(503, "The server is busy.", "application/xml",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code><Message>The server is busy."
                    + "</Message></Error>", "x-ms-error-code: ServerBusy\r\n");
    private static final String INTERNAL_ERROR = FaultProxy.response(500, "Internal Server Error", "application/xml",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>InternalError</Code><Message>The server "
                    + "encountered an internal error. Please retry the request.</Message></Error>",
            "x-ms-error-code: InternalError\r\n");

    @TempDir
    static Path dir;
    private static Azurite azurite;
    private FaultProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Azurite.available(), "needs azurite (npm install -g azurite)");
        azurite = new Azurite(Files.createDirectories(dir.resolve("azurite")));
        new Random(13).nextBytes(CONTENT);
        fill(azurite, CONTAINER);
    }

    private static void fill(Azurite server, String name) {
        BlobContainerClient container = new BlobServiceClientBuilder().connectionString(server.connectionString())
                .buildClient().createBlobContainer(name);
        container.getBlobClient("nightly/orders-1/db.dump").upload(BinaryData.fromBytes(CONTENT), true);
        container.getBlobClient("nightly/orders-1/SHA256SUMS").upload(
                BinaryData.fromString(BackupTree.sha256(CONTENT) + "  db.dump\n"), true);
    }

    @AfterAll
    static void stop() {
        if (azurite != null) {
            azurite.close();
        }
    }

    @BeforeEach
    void startProxy() throws IOException {
        proxy = new FaultProxy(azurite.port());
    }

    @AfterEach
    void stopProxy() throws IOException {
        proxy.close();
    }

    private static CredentialValue key() {
        return new AzureSharedKey(Azurite.ACCOUNT, SecretValue.of(Azurite.KEY));
    }

    private AzureTargetSpec spec() {
        return new AzureTargetSpec(Azurite.ACCOUNT, CONTAINER, "nightly/",
                "http://127.0.0.1:" + proxy.port() + "/" + Azurite.ACCOUNT, "az");
    }

    private AzureTarget target() throws IOException {
        return target(RETRIES);
    }

    private AzureTarget target(AzureTarget.Retries retries) throws IOException {
        return AzureTarget.open(spec(), Optional.of(key()), null, retries);
    }

    private static String read(AzureTarget target) throws IOException {
        try (InputStream in = target.open("orders-1/db.dump")) {
            return BackupTree.sha256(in.readAllBytes());
        }
    }

    @Test
    void aBodyCutOffMidBlobIsReadAgainAndHashesRight() throws Exception {
        try (AzureTarget target = target()) {
            proxy.inject(Fault.CUT, 1_500_000, 2);
            assertThat(read(target)).isEqualTo(BackupTree.sha256(CONTENT));
        }
        assertThat(proxy.faultsInjected()).isEqualTo(2);
    }

    @Test
    void aConnectionResetMidBlobIsReadAgainAndHashesRight() throws Exception {
        try (AzureTarget target = target()) {
            proxy.inject(Fault.RESET, 700_000, 2);
            assertThat(read(target)).isEqualTo(BackupTree.sha256(CONTENT));
        }
        assertThat(proxy.faultsInjected()).isEqualTo(2);
    }

    @Test
    void slowConnectionsAreWaitedFor() throws Exception {
        proxy.delay(Duration.ofMillis(400));
        try (AzureTarget target = target()) {
            proxy.inject(Fault.DELAY, 0, Integer.MAX_VALUE);
            assertThat(read(target)).isEqualTo(BackupTree.sha256(CONTENT));
        }
        assertThat(proxy.faultsInjected()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void serverBusyAndInternalErrorsAreRetriedWithBackoff() throws Exception {
        try (AzureTarget target = target()) {
            proxy.script(SERVER_BUSY);
            proxy.inject(Fault.THROTTLE, 0, 2);
            assertThat(target.list("")).isNotEmpty();
            proxy.inject(Fault.THROTTLE, 0, 2);
            assertThat(read(target)).isEqualTo(BackupTree.sha256(CONTENT));
            proxy.script(INTERNAL_ERROR);
            proxy.inject(Fault.THROTTLE, 0, 2);
            assertThat(read(target)).isEqualTo(BackupTree.sha256(CONTENT));
        }
        assertThat(proxy.faultsInjected()).isEqualTo(6);
    }

    @Test
    void persistentThrottlingIsAnErrorNamingTheStatusAfterTheLimit() throws Exception {
        try (AzureTarget target = target()) {
            proxy.script(SERVER_BUSY);
            proxy.inject(Fault.THROTTLE, 0, Integer.MAX_VALUE);
            assertThatThrownBy(() -> target.list("")).isInstanceOf(IOException.class)
                    .hasMessageContaining("503").hasMessageContaining("ServerBusy");
            assertThatThrownBy(() -> read(target)).isInstanceOf(IOException.class)
                    .hasMessageContaining("db.dump").hasMessageContaining("503");
            proxy.script(INTERNAL_ERROR);
            proxy.inject(Fault.THROTTLE, 0, Integer.MAX_VALUE);
            assertThatThrownBy(() -> read(target)).isInstanceOf(IOException.class)
                    .hasMessageContaining("db.dump").hasMessageContaining("500");
            assertThat(proxy.faultsInjected()).isGreaterThanOrEqualTo(3 * RETRIES.maxTries());
        }
    }

    @Test
    void aBodyCutOffOnEveryConnectionIsAnErrorNeverAShortBlob() throws Exception {
        try (AzureTarget target = target()) {
            // Each connection carries about 1 MB: the SDK goes on from where a body stopped, a bounded number of
            // times per request; the read either completes whole or fails, never a short blob.
            proxy.inject(Fault.CUT, 1_000_000, Integer.MAX_VALUE);
            try {
                assertThat(read(target)).isEqualTo(BackupTree.sha256(CONTENT));
            } catch (IOException e) {
                assertThat(e.getMessage()).contains("db.dump");
            }
            // Connections cut inside the response's head never get anywhere: an error at the limit.
            proxy.inject(Fault.CUT, 300, Integer.MAX_VALUE);
            assertThatThrownBy(() -> read(target)).isInstanceOf(IOException.class)
                    .hasMessageContaining("db.dump");
        }
    }

    @Test
    void resetsOnEveryConnectionAreAnError() throws Exception {
        try (AzureTarget target = target()) {
            proxy.inject(Fault.RESET, 0, Integer.MAX_VALUE);
            assertThatThrownBy(() -> target.list("")).isInstanceOf(IOException.class)
                    .hasMessageContaining("could not list");
            assertThatThrownBy(this::target).isInstanceOf(IOException.class)
                    .hasMessageContaining("could not open the container");
        }
    }

    @Test
    void aStalledConnectionTimesOutAndIsAnErrorNotAHang() throws Exception {
        try (AzureTarget target = target(IMPATIENT)) {
            proxy.inject(Fault.STALL, 0, Integer.MAX_VALUE);
            assertThatThrownBy(() -> read(target)).isInstanceOf(IOException.class)
                    .hasMessageContaining("db.dump");
        }
    }

    @Test
    void theServerStoppedMidReadIsAnError() throws Exception {
        Azurite shortLived = new Azurite(Files.createDirectories(dir.resolve("short-lived")));
        try (FaultProxy direct = new FaultProxy(shortLived.port())) {
            fill(shortLived, CONTAINER);
            AzureTargetSpec spec = new AzureTargetSpec(Azurite.ACCOUNT, CONTAINER, "nightly/",
                    "http://127.0.0.1:" + direct.port() + "/" + Azurite.ACCOUNT, "az");
            try (AzureTarget target = AzureTarget.open(spec, Optional.of(key()), null, RETRIES);
                    InputStream in = target.open("orders-1/db.dump")) {
                in.readNBytes(10_000);
                shortLived.close();
                direct.dropConnections();
                assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                        .hasMessageContaining("db.dump");
            }
        } finally {
            shortLived.close();
        }
    }

    @Test
    void throughTheVerifierFaultsNeverPass() throws Exception {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: azure, account: devstoreaccount1, container: %s, prefix: nightly/, endpoint: "%s", credentialsId: az }
                    checks:
                      completeness: { required: [db.dump] }
                      integrity: { manifest: SHA256SUMS, sample: 100%% }
                """.formatted(CONTAINER, "http://127.0.0.1:" + proxy.port() + "/" + Azurite.ACCOUNT);
        Verifier verifier = new Verifier(new CredentialedTargetOpener(dir, CredentialResolver.of(Map.of("az", key())),
                (spec, baseDir, credentials) -> AzureTarget.open((AzureTargetSpec) spec, credentials, null,
                        RETRIES)));

        proxy.inject(Fault.CUT, 1_500_000, 2);
        CheckResult resumed = integrity(verifier.verify(Plans.parse(yaml, dir), VerifyOptions.defaults()));
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(Status.PASS);
        assertThat(proxy.faultsInjected()).isEqualTo(2);

        proxy.script(SERVER_BUSY);
        proxy.inject(Fault.THROTTLE, 0, Integer.MAX_VALUE);
        RunResult throttled = verifier.verify(Plans.parse(yaml, dir), VerifyOptions.defaults());
        assertThat(throttled.sets().get(0).checks()).isNotEmpty().allSatisfy(check ->
                assertThat(check.status()).as(check.toString()).isEqualTo(Status.ERROR));
        assertThat(new JsonReport().toString(throttled)).contains("503").doesNotContain(Azurite.KEY);

        proxy.close();
        RunResult gone = verifier.verify(Plans.parse(yaml, dir), VerifyOptions.defaults());
        assertThat(gone.sets().get(0).checks()).isNotEmpty().allSatisfy(check ->
                assertThat(check.status()).as(check.toString()).isEqualTo(Status.ERROR));
    }

    private static CheckResult integrity(RunResult result) {
        return result.sets().get(0).checks().stream().filter(c -> c.id().equals("integrity")).findFirst()
                .orElseThrow();
    }
}
