package io.backupverify.engine.target.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.AzureSharedKey;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.testing.HeaderAddingProxy;
import io.backupverify.testservers.Azurite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copies and immutability checks on Azure Blob, against Azurite. Azurite keeps no immutability policies (it
 * answers 501 to Set Blob Immutability Policy and Set Legal Hold), so a proxy in front of it adds the headers with
 * which Azure answers for a blob under a policy.
 */
class AzurePostureOnAzuriteTest {
    @TempDir
    static Path dir;
    private static Azurite azurite;
    private static BlobServiceClient service;
    private String name;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Azurite.available(), "needs azurite (npm install -g azurite)");
        azurite = new Azurite(Files.createDirectories(dir.resolve("azurite")));
        service = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient();
    }

    @AfterAll
    static void stop() {
        if (azurite != null) {
            azurite.close();
        }
    }

    @BeforeEach
    void fill() {
        name = "orders" + System.nanoTime();
        BlobContainerClient container = service.createBlobContainer(name);
        BlobContainerClient other = service.createBlobContainer(name + "b");
        for (String folder : List.of("nightly/orders-1/", "copy/orders-1/")) {
            container.getBlobClient(folder + "db.dump").upload(BinaryData.fromString("the orders, 02:00"), true);
        }
        other.getBlobClient("nightly/orders-1/db.dump").upload(BinaryData.fromString("the orders, 02:00"), true);
    }

    private CheckResult copies(String copies) throws Exception {
        String target = "{ type: azure, account: devstoreaccount1, container: %s, prefix: %s, endpoint: \"%s\", "
                + "credentialsId: az }";
        String yaml = """
                backupSets:
                  - name: orders
                    target: %s
                    checks:
                      copies: %s
                  - name: orders-copy
                    target: %s
                    checks: { freshness: { maxAge: 1h } }
                  - name: orders-other
                    target: %s
                    checks: { freshness: { maxAge: 1h } }
                """.formatted(target.formatted(name, "nightly/", azurite.endpoint()), copies,
                target.formatted(name, "copy/", azurite.endpoint()),
                target.formatted(name + "b", "nightly/", azurite.endpoint()));
        var plan = new PlanParser().parse(yaml, "plan.yaml", dir);
        var credentials = CredentialResolver.of(Map.of("az", new AzureSharedKey(Azurite.ACCOUNT,
                SecretValue.of(Azurite.KEY))));
        return new Verifier(new CredentialedTargetOpener(dir, credentials)).verify(plan,
                VerifyOptions.defaults().withSets(List.of("orders"))).sets().get(0).checks().get(0);
    }

    /**
     * A blob policy that is not locked can be shortened or deleted by anyone allowed to set immutability policies:
     * weaker than "immutable" reads, so a WARN naming the blob and the mode unless the plan accepts it.
     */
    @Test
    void anUnlockedImmutabilityPolicyWarnsUnlessThePlanAcceptsIt() throws Exception {
        try (HeaderAddingProxy proxy = new HeaderAddingProxy(azurite.port())) {
            underPolicy(proxy, "Unlocked");

            CheckResult result = immutability(proxy, "{ required: true }");

            assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.WARN);
            assertThat(result.findings()).extracting(Finding::item, Finding::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("orders-1/db.dump", "locked until 2030-01-15T00:00:00Z in "
                            + "unlocked mode, which anyone allowed to (s3:BypassGovernanceRetention on S3, setting "
                            + "immutability policies on Azure) can shorten or remove before it ends; set mode: "
                            + "governance to accept it"));
            assertThat(result.metrics()).containsEntry("defaultLock", "version-level immutability enabled")
                    .containsEntry("lockModes", List.of("unlocked")).containsEntry("liftableLocks", 1L);

            CheckResult accepted = immutability(proxy, "{ required: true, mode: governance }");
            assertThat(accepted.status()).as(accepted.findings().toString()).isEqualTo(Status.PASS);
            assertThat(accepted.summary()).isEqualTo("1 file locked (unlocked), 0 not");

            proxy.clear();
            underPolicy(proxy, "Locked");
            CheckResult locked = immutability(proxy, "{ required: true }");
            assertThat(locked.status()).as(locked.findings().toString()).isEqualTo(Status.PASS);
            assertThat(locked.metrics()).containsEntry("lockModes", List.of("locked"));
        }
    }

    /**
     * A legal hold has no end date, but anyone allowed to set legal holds can clear it at any time: like a policy
     * that is not locked, a WARN naming the blob unless the plan accepts governance mode.
     */
    @Test
    void aLegalHoldOnTheBlobIsALiftableLock() throws Exception {
        try (HeaderAddingProxy proxy = new HeaderAddingProxy(azurite.port())) {
            onContainer(proxy, "x-ms-immutable-storage-with-versioning-enabled: true");
            onBlob(proxy, "x-ms-legal-hold: true");

            CheckResult result = immutability(proxy, "{ required: true }");

            assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.WARN);
            assertThat(result.findings()).extracting(Finding::item, Finding::severity, Finding::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("orders-1/db.dump", Status.WARN,
                            "kept only by a legal hold, which anyone allowed to set legal holds "
                            + "(s3:PutObjectLegalHold on S3, setting legal holds on Azure) can clear at any time; "
                            + "set mode: governance to accept it"));
            assertThat(result.metrics()).containsEntry("lockModes", List.of("legal hold"))
                    .containsEntry("liftableLocks", 1L);

            CheckResult accepted = immutability(proxy, "{ required: true, mode: governance }");
            assertThat(accepted.status()).as(accepted.findings().toString()).isEqualTo(Status.PASS);
        }
    }

    /**
     * A legal hold on the container is no default lock anyone is bound by; beside a container policy whose period
     * and lock a storage key cannot read, it decides only when the plan accepts governance mode.
     */
    @Test
    void aLegalHoldOnTheContainerIsALiftableLockAndNeverStandsInForAnUnreadablePolicy() throws Exception {
        try (HeaderAddingProxy proxy = new HeaderAddingProxy(azurite.port())) {
            onContainer(proxy, "x-ms-has-legal-hold: true");

            CheckResult result = immutability(proxy, "{ required: true }");

            assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.WARN);
            assertThat(result.metrics()).containsEntry("defaultLock", "legal hold on the container")
                    .containsEntry("lockModes", List.of("legal hold on the container"));
            assertThat(result.findings()).extracting(Finding::message).contains("the store keeps new objects only by "
                    + "a legal hold on the container, which anyone allowed to set legal holds (s3:PutObjectLegalHold "
                    + "on S3, setting legal holds on Azure) can clear at any time; set mode: governance to accept it");
            assertThat(immutability(proxy, "{ required: true, mode: governance }").status()).isEqualTo(Status.PASS);

            onContainer(proxy, "x-ms-has-immutability-policy: true");
            CheckResult unreadable = immutability(proxy, "{ required: true }");
            assertThat(unreadable.status()).as(unreadable.findings().toString()).isEqualTo(Status.ERROR);
            assertThat(unreadable.findings()).extracting(Finding::message).contains("the container's immutability "
                    + "policy keeps orders-1/db.dump locked, but its retention period and whether it is locked are "
                    + "kept by Azure's management plane and cannot be read with a storage key");
            assertThat(immutability(proxy, "{ required: true, mode: governance }").status()).isEqualTo(Status.PASS);
        }
    }

    /**
     * Azure's answers for a container with version-level immutability and the backup's blob under a policy in this
     * mode until 2030-01-15.
     */
    private void underPolicy(HeaderAddingProxy proxy, String mode) {
        onContainer(proxy, "x-ms-immutable-storage-with-versioning-enabled: true");
        onBlob(proxy, "x-ms-immutability-policy-until-date: Tue, 15 Jan 2030 00:00:00 GMT",
                "x-ms-immutability-policy-mode: " + mode);
    }

    /** Adds headers to Azure's answer for the container's properties. */
    private void onContainer(HeaderAddingProxy proxy, String... headers) {
        String container = "/" + Azurite.ACCOUNT + "/" + name;
        proxy.add(line -> line.contains(container + "?restype=container") && !line.contains("comp="), headers);
    }

    /** Adds headers to Azure's answer for the properties of the backup's blob. */
    private void onBlob(HeaderAddingProxy proxy, String... headers) {
        String container = "/" + Azurite.ACCOUNT + "/" + name;
        proxy.add(line -> line.startsWith("HEAD " + container + "/nightly/orders-1/db.dump"), headers);
    }

    private CheckResult immutability(HeaderAddingProxy proxy, String immutability) throws Exception {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: azure, account: devstoreaccount1, container: %s, prefix: nightly/,
                              endpoint: "http://127.0.0.1:%d/devstoreaccount1", credentialsId: az }
                    checks:
                      immutability: %s
                """.formatted(name, proxy.port(), immutability);
        var plan = new PlanParser().parse(yaml, "plan.yaml", dir);
        var credentials = CredentialResolver.of(Map.of("az", new AzureSharedKey(Azurite.ACCOUNT,
                SecretValue.of(Azurite.KEY))));
        return new Verifier(new CredentialedTargetOpener(dir, credentials)).verify(plan, VerifyOptions.defaults())
                .sets().get(0).checks().get(0);
    }

    /** A copy under another prefix of the same container is lost with it; one in another container is not. */
    @Test
    void aCopyInTheSameContainerIsNotAnotherCopy() throws Exception {
        CheckResult result = copies("{ at: [orders-copy, orders-other], minCopies: 3 }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("copies", 2)
                .containsEntry("sharingStorage", List.of("orders-copy:orders-1"));
        String server = "127.0.0.1:" + azurite.port() + "/" + Azurite.ACCOUNT;
        assertThat(result.findings()).extracting(Finding::item, Finding::severity, Finding::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("orders-copy:orders-1", Status.WARN,
                                "on the same storage as orders-1 (Azure container " + name + " at " + server
                                        + "), so not counted as another copy: one fault, deletion or lost key "
                                        + "there loses both"),
                        org.assertj.core.groups.Tuple.tuple("orders-1", Status.FAIL,
                                "2 identical copies of the newest backup, fewer than minCopies 3"));
        assertThat(copies("{ at: [orders-copy, orders-other], minCopies: 2 }").status()).isEqualTo(Status.WARN);
    }
}
