package io.backupverify.engine.target.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
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
import io.backupverify.testservers.Azurite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an Azure container keeps beside its current blobs counts for capacity and retention: snapshots on Azurite
 * itself, earlier versions (blob versioning) and soft-deleted blobs, which Azurite does not implement, spliced into
 * Azurite's own listings by a proxy in the List Blobs XML Azure documents; a listing of them that is refused is
 * never a pass.
 */
class AzureKeptBlobsTest {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC)
            .withLocale(Locale.ROOT);

    @TempDir
    static Path dir;
    private static Azurite azurite;
    private SplicingProxy proxy;
    private BlobContainerClient container;
    private String containerName;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();

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
        proxy = new SplicingProxy(azurite.port());
        containerName = "kept" + System.nanoTime();
        container = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
                .createBlobContainer(containerName);
        container.getBlobClient("nightly/orders-" + today + "/db.dump").upload(BinaryData.fromString("x".repeat(1000)),
                true);
    }

    @AfterEach
    void close() {
        proxy.close();
    }

    private CheckResult run(String check, Instant at) throws Exception {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: azure, account: devstoreaccount1, container: %s, prefix: nightly/,
                              endpoint: "%s", credentialsId: az }
                    layout: { namePattern: "orders-{yyyy-MM-dd}" }
                    checks:
                      %s
                """.formatted(containerName, proxy.endpoint(Azurite.ACCOUNT), check);
        var plan = new PlanParser().parse(yaml, "plan.yaml", dir);
        var credentials = CredentialResolver.of(Map.of("az", new AzureSharedKey(Azurite.ACCOUNT,
                SecretValue.of(Azurite.KEY))));
        return new Verifier(new CredentialedTargetOpener(dir, credentials))
                .verify(plan, VerifyOptions.defaults().withClock(Clock.fixed(at, ZoneOffset.UTC)))
                .sets().get(0).checks().get(0);
    }

    @Test
    void aSnapshotOfAnOverwrittenBlobCountsAsUsedSpaceAndKeepsOldDataPastMaxAge() throws Exception {
        assertThat(run("capacity: { quota: 1500 }", now).status()).isEqualTo(Status.PASS);

        // A snapshot taken before the nightly job wrote the blob again keeps the first 1000 bytes (Azurite has these).
        var blob = container.getBlobClient("nightly/orders-" + today + "/db.dump");
        String snapshot = blob.createSnapshot().getSnapshotId();
        blob.upload(BinaryData.fromString("y".repeat(1000)), true);
        CheckResult capacity = run("capacity: { quota: 1500 }", now);
        assertThat(capacity.status()).as(capacity.toString()).isEqualTo(Status.FAIL);
        assertThat(capacity.metrics()).containsEntry("usedBytes", 2000L).containsEntry("usageSource",
                "listing of every blob with its earlier versions, snapshots and soft-deleted blobs (1 kept beside "
                        + "the current blobs, each counted at its full size)");

        assertThat(snapshot).isNotBlank();
    }

    @Test
    void aSnapshotKeepsDataOlderThanMaxAgeAfterItsBlobIsWrittenAgain() throws Exception {
        // The job keeps each night's dump under one name and snapshots it before writing it again; thirty days on,
        // the backup (named for that day) is young, but the snapshot still holds data written thirty days before.
        container.getBlobClient("nightly/orders-" + today + "/db.dump").delete();
        Instant later = now.plus(Duration.ofDays(30));
        String laterDay = LocalDate.ofInstant(later, ZoneOffset.UTC).toString();
        var blob = container.getBlobClient("nightly/orders-" + laterDay + "/db.dump");
        blob.upload(BinaryData.fromString("first"), true);
        assertThat(run("retention: { maxAge: 10d }", later).status()).isEqualTo(Status.PASS);

        blob.createSnapshot();
        blob.upload(BinaryData.fromString("second"), true);
        CheckResult retention = run("retention: { maxAge: 10d }", later);
        assertThat(retention.status()).as(retention.toString()).isEqualTo(Status.FAIL);
        assertThat(retention.findings()).extracting(Finding::item).containsExactly("orders-" + laterDay + "/db.dump");
        assertThat(retention.findings()).extracting(Finding::message).singleElement().asString()
                .startsWith("a snapshot (taken ").contains("older than maxAge 10d) is still kept: a blob snapshot "
                        + "keeps the data it was taken of until the snapshot itself is deleted, so its data was not "
                        + "disposed of");
        assertThat(retention.metrics()).containsEntry("expiredVersions", 1L);
    }

    private String rfc1123(Instant time) {
        return RFC_1123.format(time);
    }

    private static String version(Instant written, boolean current) {
        return "<VersionId>" + written + "</VersionId>" + (current ? "<IsCurrentVersion>true</IsCurrentVersion>" : "");
    }

    @Test
    void earlierVersionsAndSoftDeletedBlobsCountAsUsedSpaceAndFailMaxAgeByName() throws Exception {
        Instant old = now.minus(Duration.ofDays(500));
        Instant deletedBackup = now.minus(Duration.ofDays(450));
        Instant recent = now.minus(Duration.ofDays(1));
        String oldDay = LocalDate.ofInstant(old, ZoneOffset.UTC).toString();
        String deletedDay = LocalDate.ofInstant(deletedBackup, ZoneOffset.UTC).toString();
        proxy.splice(
                // a backup deleted long ago: blob versioning keeps its data as a previous version
                SplicingProxy.blob("nightly/orders-" + oldDay + "/db.dump", version(old, false), rfc1123(old), 700, "")
                // one deleted two days ago: soft delete keeps it five more days
                + SplicingProxy.blob("nightly/orders-" + deletedDay + "/db.dump", "<Deleted>true</Deleted>",
                        rfc1123(deletedBackup), 600, "<DeletedTime>" + rfc1123(now.minus(Duration.ofDays(2)))
                                + "</DeletedTime><RemainingRetentionDays>5</RemainingRetentionDays>")
                // yesterday's overwrite of today's dump: an earlier version, younger than maxAge
                + SplicingProxy.blob("nightly/orders-" + today + "/db.dump", version(recent, false), rfc1123(recent),
                        500, ""));

        CheckResult capacity = run("capacity: { quota: 2000 }", now);
        assertThat(capacity.status()).as(capacity.toString()).isEqualTo(Status.FAIL);
        assertThat(capacity.metrics()).containsEntry("usedBytes", 2800L);

        CheckResult retention = run("retention: { maxAge: 400d }", now);
        assertThat(retention.status()).as(retention.toString()).isEqualTo(Status.FAIL);
        assertThat(retention.findings()).extracting(Finding::item).containsExactlyInAnyOrder(
                "orders-" + oldDay + "/db.dump", "orders-" + deletedDay + "/db.dump");
        assertThat(retention.findings()).extracting(Finding::message).containsExactlyInAnyOrder(
                "an earlier version written " + old + " (500d ago, older than maxAge 400d) is still kept: the account "
                        + "keeps the versions of deleted and overwritten blobs (blob versioning), so its data was not "
                        + "disposed of",
                "a soft-deleted blob (deleted " + now.minus(Duration.ofDays(2)) + ") written " + deletedBackup
                        + " (450d ago, older than maxAge 400d) is still kept: the account's soft delete keeps deleted "
                        + "blobs for its retention days (5 more days), so its data was not disposed of");
        assertThat(retention.metrics()).containsEntry("expiredVersions", 2L);
    }

    @Test
    void aRefusedListingOfWhatIsKeptIsNeverAPass() throws Exception {
        proxy.refuse(403, "AuthorizationPermissionMismatch");
        CheckResult capacity = run("capacity: { quota: 1MB }", now);
        assertThat(capacity.status()).as(capacity.toString()).isEqualTo(Status.ERROR);
        assertThat(capacity.summary()).isEqualTo("cannot measure the used space: cannot list the earlier versions, "
                + "snapshots and soft-deleted blobs of azure://devstoreaccount1/" + containerName + "/nightly/ at "
                + proxy.endpoint(Azurite.ACCOUNT).replaceFirst("/devstoreaccount1$", "") + " (plain HTTP: not "
                + "encrypted in transit): Azure answered 403 AuthorizationPermissionMismatch, so the used space "
                + "cannot be counted whole");

        CheckResult retention = run("retention: { maxAge: 400d }", now);
        assertThat(retention.status()).as(retention.toString()).isEqualTo(Status.WARN);
        assertThat(retention.findings()).extracting(Finding::message).singleElement().asString()
                .contains("Azure answered 403 AuthorizationPermissionMismatch; data older than maxAge 400d may "
                        + "still be kept");
    }
}
