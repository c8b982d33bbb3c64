package io.backupverify.engine.target.azure;

import static io.backupverify.engine.testing.SetResults.messages;
import static io.backupverify.engine.testing.SetResults.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.AzureSas;
import io.backupverify.engine.credentials.AzureSharedKey;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.plan.AzureTargetSpec;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.testservers.Azurite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Azure Blob target against Azurite, the Azure Storage emulator, through the whole verifier. */
class AzureTargetTest {
    private static final String CANARY_KEY = "Y2FuYXJ5LWF6dXJlLWtleS1kby1ub3Qtc2hvdy0xMjM0NTY3ODkw";
    private static final String DUMP = "the orders table, dumped at 02:00 — unique 7f1c";

    @TempDir
    static Path dir;
    private static Azurite azurite;
    private static BlobContainerClient container;
    private String containerName;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Azurite.available(), "needs azurite (npm install -g azurite)");
        azurite = new Azurite(Files.createDirectories(dir.resolve("azurite")));
    }

    @AfterAll
    static void stop() {
        if (azurite != null) {
            azurite.close();
        }
    }

    @BeforeEach
    void fill() throws Exception {
        containerName = "orders" + System.nanoTime();
        container = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
                .createBlobContainer(containerName);
        backup("nightly/orders-1/", "yesterday's rows");
        backup("nightly/orders-2/", DUMP);
    }

    private static void backup(String folder, String dump) throws Exception {
        String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(dump.getBytes(StandardCharsets.UTF_8)));
        container.getBlobClient(folder + "db.dump").upload(BinaryData.fromString(dump), true);
        container.getBlobClient(folder + "SHA256SUMS").upload(BinaryData.fromString(sum + "  db.dump\n"), true);
    }

    private String plan(String credentialsId) {
        return """
                backupSets:
                  - name: orders
                    target: { type: azure, account: devstoreaccount1, container: %s, prefix: nightly/,
                              endpoint: "%s", credentialsId: %s }
                    checks:
                      freshness:    { maxAge: 1h }
                      completeness: { required: [db.dump], minFiles: 1 }
                      integrity:    { manifest: SHA256SUMS, sample: 100%% }
                      capacity:     { quota: 1MB }
                """.formatted(containerName, azurite.endpoint(), credentialsId);
    }

    private RunResult run(String yaml, Map<String, CredentialValue> credentials) throws Exception {
        var plan = new PlanParser().parse(yaml, "plan.yaml", dir);
        return new Verifier(new CredentialedTargetOpener(dir, CredentialResolver.of(credentials)))
                .verify(plan, VerifyOptions.defaults().withRunNumber(1));
    }

    private static AzureSharedKey sharedKey(String key) {
        return new AzureSharedKey(Azurite.ACCOUNT, SecretValue.of(key));
    }

    @Test
    void everyCheckPassesWithTheAccountKey() throws Exception {
        SetResult set = run(plan("az"), Map.of("az", sharedKey(Azurite.KEY))).sets().get(0);

        assertThat(statuses(set)).as(messages(set)).containsOnly(
                Map.entry("freshness", Status.PASS), Map.entry("completeness", Status.PASS),
                Map.entry("integrity", Status.PASS), Map.entry("capacity", Status.PASS));
        assertThat(set.backupCount()).isEqualTo(2);
    }

    @Test
    void aContainerOpenToThePublicFailsAccessAndEveryBlobIsEncryptedByTheService() throws Exception {
        String posture = plan("az").replaceAll("(?s)checks:.*", "checks:\n      access: { public: forbid }\n"
                + "      encryption: { atRest: required, inTransit: report }\n");
        SetResult set = run(posture, Map.of("az", sharedKey(Azurite.KEY))).sets().get(0);
        assertThat(statuses(set)).as(messages(set)).containsOnly(Map.entry("access", Status.PASS),
                Map.entry("encryption", Status.PASS));

        container.setAccessPolicy(com.azure.storage.blob.models.PublicAccessType.CONTAINER, null);
        set = run(posture, Map.of("az", sharedKey(Azurite.KEY))).sets().get(0);
        assertThat(statuses(set)).as(messages(set)).containsEntry("access", Status.FAIL);
        assertThat(set.checks().stream().filter(c -> c.id().equals("access")).findFirst().orElseThrow().findings())
                .extracting(io.backupverify.engine.check.Finding::message).containsExactly("open to the public: the "
                        + "container's public access level is container: anyone can read its blobs without a key");
    }

    @Test
    void aContainerWithoutImmutabilityFailsNamingEveryUnlockedBlob() throws Exception {
        String posture = plan("az").replaceAll("(?s)checks:.*", "checks:\n      immutability: { required: true }\n");
        SetResult set = run(posture, Map.of("az", sharedKey(Azurite.KEY))).sets().get(0);
        var result = set.checks().get(0);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(io.backupverify.engine.check.Finding::message)
                .contains("the store locks no new objects by default", "not locked: it can be changed or deleted");
        assertThat(result.metrics()).containsEntry("defaultLock", "none").containsEntry("unlockedFiles", 4L);
    }

    @Test
    void aSharedAccessSignatureWorksAndATamperedOneIsAnErrorThatNeverShowsIt() throws Exception {
        String sas = container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
                new BlobContainerSasPermission().setReadPermission(true).setListPermission(true)));

        SetResult good = run(plan("sas"), Map.of("sas", new AzureSas("", SecretValue.of("?" + sas)))).sets().get(0);
        assertThat(statuses(good)).as(messages(good)).containsEntry("integrity", Status.PASS);

        String tampered = sas.replaceFirst("sig=[^&]{4}", "sig=AAAA");
        RunResult bad = run(plan("sas"), Map.of("sas", new AzureSas("", SecretValue.of(tampered))));
        assertThat(statuses(bad.sets().get(0)).values()).containsOnly(Status.ERROR);
        assertThat(new JsonReport().toString(bad)).doesNotContain(tampered)
                .doesNotContain(tampered.replaceAll(".*sig=", ""));
    }

    @Test
    void aWrongKeyIsAnErrorThatNeverShowsTheKey() throws Exception {
        RunResult result = run(plan("az"), Map.of("az", sharedKey(CANARY_KEY)));

        SetResult set = result.sets().get(0);
        assertThat(statuses(set).values()).containsOnly(Status.ERROR);
        assertThat(set.checks().get(0).summary()).contains("403");
        assertThat(new JsonReport().toString(result)).doesNotContain(CANARY_KEY);
    }

    @Test
    void aFlippedByteInTheStoredBlobFailsIntegrity() throws Exception {
        flipByteOf(DUMP.getBytes(StandardCharsets.UTF_8));

        SetResult set = run(plan("az"), Map.of("az", sharedKey(Azurite.KEY))).sets().get(0);

        assertThat(statuses(set)).as(messages(set)).containsEntry("integrity", Status.FAIL);
    }

    @Test
    void theConnectionStringIsTheDefaultAndTheStoredMd5IsContentMd5() throws Exception {
        var spec = new AzureTargetSpec(null, containerName, "nightly", null, null);
        try (AzureTarget target = AzureTarget.open(spec, Optional.empty(), azurite.connectionString())) {
            assertThat(target.list("")).extracting(e -> e.path()).containsExactly("orders-1", "orders-2");
            try (InputStream in = target.open("orders-2/db.dump", 4)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(DUMP.substring(4));
            }
            byte[] md5 = MessageDigest.getInstance("MD5").digest(DUMP.getBytes(StandardCharsets.UTF_8));
            assertThat(target.storedChecksums("orders-2/db.dump")).singleElement()
                    .satisfies(c -> assertThat(c.digest()).isEqualTo(md5));
            assertThat(target.stat("orders-2")).hasValueSatisfying(e -> assertThat(e.isDirectory()).isTrue());
            assertThat(target.stat("orders-3")).isEmpty();
            assertThat(target.transport().encrypted()).isFalse();
        }
    }

    @Test
    void theStoresTimeComesFromItsAnswers() throws Exception {
        var spec = new AzureTargetSpec(null, containerName, "nightly", null, null);
        Instant before = Instant.now().minusSeconds(1);
        try (AzureTarget target = AzureTarget.open(spec, Optional.empty(), azurite.connectionString())) {
            target.list("");
            assertThat(target.storeTime()).hasValueSatisfying(time -> assertThat(time)
                    .isBetween(before.truncatedTo(ChronoUnit.SECONDS), Instant.now()));
        }
    }

    @Test
    void withoutCredentialsOrConnectionStringTheTargetCannotOpen() {
        var spec = new AzureTargetSpec(null, containerName, null, null, null);
        assertThatThrownBy(() -> AzureTarget.open(spec, Optional.empty(), null))
                .hasMessageContaining("AZURE_STORAGE_CONNECTION_STRING");
    }

    @Test
    void aStoppedServerIsAnErrorNotAHang() throws Exception {
        Path location = Files.createDirectories(dir.resolve("short-lived"));
        Azurite shortLived = new Azurite(location);
        new BlobServiceClientBuilder().connectionString(shortLived.connectionString()).buildClient()
                .createBlobContainer("gone");
        var spec = new AzureTargetSpec(null, "gone", null, null, null);
        try (AzureTarget target = AzureTarget.open(spec, Optional.empty(), shortLived.connectionString())) {
            shortLived.close();
            long start = System.nanoTime();
            assertThatThrownBy(() -> target.list("")).isInstanceOf(IOException.class)
                    .hasMessageContaining("could not list");
            assertThat(System.nanoTime() - start).isLessThan(120_000_000_000L);
        }
    }

    /** Flips a byte of a blob's content where Azurite keeps it on disk, behind the server's back. */
    private static void flipByteOf(byte[] content) throws IOException {
        try (Stream<Path> files = Files.walk(azurite.location().resolve("__blobstorage__"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                int at = indexOf(bytes, content);
                if (at >= 0) {
                    bytes[at + 5] ^= 0x01;
                    Files.write(file, bytes);
                    return;
                }
            }
        }
        throw new AssertionError("the blob's content was not found in Azurite's storage");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
