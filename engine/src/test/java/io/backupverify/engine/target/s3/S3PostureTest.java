package io.backupverify.engine.target.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.AwsKeys;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.target.s3.ScriptedS3.Answer;
import io.backupverify.engine.testing.Plans;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encryption, access and immutability on S3, with the bucket APIs answered by a scripted endpoint in the XML of
 * Amazon's S3 API reference (S3Proxy answers 501 to these; see S3PostureOnS3ProxyTest for that).
 */
class S3PostureTest {
    private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
    private static final String SECRET = "posture-secret-canary-7781";

    @TempDir
    Path dir;

    private final ScriptedS3 s3;

    S3PostureTest() throws Exception {
        s3 = new ScriptedS3("vault")
                .object("nightly-2026-11-29/orders.dump", "orders rows", "aws:kms")
                .object("nightly-2026-11-29/customers.dump", "customer rows", "AES256");
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    private CheckResult run(String check) throws Exception {
        String yaml = """
                backupSets:
                  - name: vault
                    target: { type: s3, bucket: vault, region: us-east-1, endpoint: "%s", pathStyle: true,
                              credentialsId: s3-reader }
                    layout: { namePattern: "nightly-{yyyy-MM-dd}" }
                    checks:
                      %s
                """.formatted(s3.endpoint(), check);
        VerifyOptions options = VerifyOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        CredentialResolver credentials = CredentialResolver.of(Map.of("s3-reader",
                new AwsKeys("AKIAPOSTURE", SecretValue.of(SECRET), null)));
        RunResult run = new Verifier(new CredentialedTargetOpener(dir, credentials))
                .verify(Plans.parse(yaml, dir), options);
        CheckResult result = run.sets().get(0).checks().get(0);
        assertThat(result.toString() + result.findings() + result.metrics()).doesNotContain(SECRET);
        return result;
    }

    private static List<String> messages(CheckResult result) {
        return result.findings().stream().map(Finding::message).toList();
    }

    private static Answer kmsByDefault() {
        return Answer.ok("<ServerSideEncryptionConfiguration " + ScriptedS3.NS + "><Rule>"
                + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>"
                + "<KMSMasterKeyID>alias/backups</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>"
                + "<BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>");
    }

    @Test
    void objectsEncryptedByTheStoreAndADefaultRulePassAtRestAndPlainHttpFailsInTransit() throws Exception {
        s3.bucket("encryption", kmsByDefault());
        CheckResult result = run("encryption: { atRest: required, inTransit: report }");
        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("encryptedFiles", 2L)
                .containsEntry("formats", Map.of("SSE-KMS", 1, "SSE-S3", 1))
                .containsEntry("storeDefaultEncryption", "aws:kms with KMS key alias/backups");
        assertThat(result.metrics().get("transport").toString()).startsWith("http (plain HTTP to 127.0.0.1:");

        result = run("encryption: { atRest: required, inTransit: required }");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(messages(result)).singleElement().asString()
                .startsWith("reached over http, which is not encrypted in transit");
    }

    @Test
    void anObjectTheStoreDoesNotEncryptFailsByName() throws Exception {
        s3.bucket("encryption", kmsByDefault()).object("nightly-2026-11-29/plain.csv", "a,b\n", null);
        CheckResult result = run("encryption: { inTransit: report }");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::item).containsExactly("nightly-2026-11-29/plain.csv");
    }

    @Test
    void aBucketWithoutDefaultEncryptionFailsAndOneThatWillNotSayIsUnknown() throws Exception {
        s3.bucket("encryption", Answer.error(404, "ServerSideEncryptionConfigurationNotFoundError"));
        CheckResult result = run("encryption: { inTransit: report }");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(messages(result)).containsExactly("the store does not encrypt new files by default: turn on "
                + "default encryption");

        s3.bucket("encryption", Answer.error(403, "AccessDenied"));
        result = run("encryption: { inTransit: report }");
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(messages(result)).singleElement().asString()
                .startsWith("the store cannot tell the bucket's default encryption: HTTP 403 AccessDenied");
        assertThat(run("encryption: { inTransit: report, unknown: warn }").status()).isEqualTo(Status.WARN);
    }

    @Test
    void aBlockedBucketIsNotPublicWhateverItsPolicyAndAcl() throws Exception {
        s3.bucket("publicAccessBlock", Answer.ok("<PublicAccessBlockConfiguration " + ScriptedS3.NS + ">"
                + "<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>"
                + "<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>"
                + "</PublicAccessBlockConfiguration>"));
        CheckResult result = run("access: { public: forbid }");
        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("publicGrants", 0);
    }

    @Test
    void aPublicPolicyAndAnAllUsersGrantFailByName() throws Exception {
        s3.bucket("publicAccessBlock", Answer.error(404, "NoSuchPublicAccessBlockConfiguration"))
                .bucket("policyStatus", Answer.ok("<PolicyStatus " + ScriptedS3.NS + "><IsPublic>true</IsPublic>"
                        + "</PolicyStatus>"))
                .bucket("acl", Answer.ok("<AccessControlPolicy " + ScriptedS3.NS + "><Owner><ID>owner</ID></Owner>"
                        + "<AccessControlList><Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                        + " xsi:type=\"CanonicalUser\"><ID>owner</ID></Grantee><Permission>FULL_CONTROL</Permission>"
                        + "</Grant><Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        + "xsi:type=\"Group\"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee>"
                        + "<Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>"));
        CheckResult result = run("access: { public: forbid }");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(messages(result)).containsExactly(
                "open to the public: the bucket policy makes the bucket public (and the public access block does "
                        + "not restrict it)",
                "open to the public: the bucket ACL grants READ to AllUsers (anyone)");

        s3.bucket("policyStatus", Answer.error(404, "NoSuchBucketPolicy"))
                .bucket("acl", Answer.ok("<AccessControlPolicy " + ScriptedS3.NS + "><Owner><ID>owner</ID></Owner>"
                        + "<AccessControlList></AccessControlList></AccessControlPolicy>"));
        assertThat(run("access: { public: forbid }").status()).isEqualTo(Status.PASS);
    }

    @Test
    void anObjectMadePublicByItsOwnAclFailsByNameUnlessTheBucketDisablesOrIgnoresAcls() throws Exception {
        s3.bucket("publicAccessBlock", Answer.error(404, "NoSuchPublicAccessBlockConfiguration"))
                .bucket("policyStatus", Answer.error(404, "NoSuchBucketPolicy"))
                .bucket("acl", ScriptedS3.acl())
                .bucket("ownershipControls", Answer.error(404, "OwnershipControlsNotFoundError"))
                .objectAcl("nightly-2026-11-29/orders.dump",
                        ScriptedS3.acl("http://acs.amazonaws.com/groups/global/AllUsers"));
        CheckResult result = run("access: { public: forbid }");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::item, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29/orders.dump",
                        "open to the public: its object ACL grants READ to AllUsers (anyone)"));
        assertThat(result.metrics()).containsEntry("objectAclsExamined", 2L).containsEntry("publicFiles", 1L);

        // A store that will not say whether ACLs are disabled has them read all the same.
        s3.bucket("ownershipControls", Answer.error(501, "NotImplemented"));
        assertThat(run("access: { public: forbid }").status()).isEqualTo(Status.FAIL);

        // With ACLs disabled (object ownership BucketOwnerEnforced) an object's ACL no longer grants anything.
        s3.bucket("ownershipControls", Answer.ok("<OwnershipControls " + ScriptedS3.NS + "><Rule><ObjectOwnership>"
                + "BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>"));
        assertThat(run("access: { public: forbid }").status()).isEqualTo(Status.PASS);

        // An object ACL that cannot be read is never a pass.
        s3.bucket("ownershipControls", Answer.error(404, "OwnershipControlsNotFoundError"))
                .objectAcl("nightly-2026-11-29/orders.dump", Answer.error(403, "AccessDenied"));
        result = run("access: { public: forbid }");
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(messages(result)).anyMatch(m -> m.startsWith("the store cannot tell the ACL of "));
    }

    private static String version(String key, String written, boolean latest) {
        return version(key, written, latest, 11);
    }

    private static String version(String key, String written, boolean latest, long size) {
        return "<Version><Key>" + key + "</Key><VersionId>v" + written.hashCode() + "</VersionId><IsLatest>" + latest
                + "</IsLatest><LastModified>" + written + "</LastModified><ETag>\"e1\"</ETag><Size>" + size
                + "</Size><StorageClass>STANDARD</StorageClass></Version>";
    }

    private static Answer versions(String... versions) {
        return Answer.ok("<ListVersionsResult " + ScriptedS3.NS + "><Name>vault</Name><Prefix></Prefix><KeyMarker>"
                + "</KeyMarker><VersionIdMarker></VersionIdMarker><MaxKeys>1000</MaxKeys><IsTruncated>false"
                + "</IsTruncated>" + String.join("", versions) + "</ListVersionsResult>");
    }

    @Test
    void theEarlierVersionsAVersionedBucketKeepsCountAsUsedSpace() throws Exception {
        // Versioning answers 501 here (the store has none): the 24 bytes of the two objects are all it holds.
        assertThat(run("capacity: { quota: 100 }").status()).isEqualTo(Status.PASS);

        // Object Lock keeps the versions the nightly job overwrote and deleted: they fill the quota all the same.
        s3.bucket("versioning", Answer.ok("<VersioningConfiguration " + ScriptedS3.NS + "><Status>Enabled</Status>"
                + "</VersioningConfiguration>"))
                .bucket("versions", versions(
                        version("nightly-2026-11-28/orders.dump", "2026-11-28T02:00:00.000Z", false, 40),
                        version("nightly-2026-11-29/customers.dump", "2026-11-29T01:00:00.000Z", false, 40),
                        version("nightly-2026-11-29/customers.dump", "2026-11-29T02:00:00.000Z", true, 13),
                        version("nightly-2026-11-29/orders.dump", "2026-11-29T02:00:00.000Z", true, 11)));
        CheckResult result = run("capacity: { quota: 100 }");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("usedBytes", 104L)
                .containsEntry("usageSource", "listing of every version (the bucket keeps earlier versions)");

        // A store that will not say whether it keeps versions cannot give the used space.
        s3.bucket("versioning", Answer.error(403, "AccessDenied"));
        assertThat(run("capacity: { quota: 100 }").status()).isEqualTo(Status.ERROR);
    }

    @Test
    void aBackupDeletedFromAVersionedBucketIsStillKeptAndFailsMaxAge() throws Exception {
        s3.bucket("versioning", Answer.ok("<VersioningConfiguration " + ScriptedS3.NS + "><Status>Enabled</Status>"
                + "</VersioningConfiguration>"))
                .bucket("versions", versions(
                        // deleted last spring: its data stays as a noncurrent version behind a delete marker
                        version("nightly-2025-01-10/orders.dump", "2025-01-10T02:00:00.000Z", false),
                        "<DeleteMarker><Key>nightly-2025-01-10/orders.dump</Key><VersionId>d1</VersionId><IsLatest>"
                                + "true</IsLatest><LastModified>2025-03-01T00:00:00.000Z</LastModified></DeleteMarker>",
                        // the current backup, and a recent overwrite of one of its files
                        version("nightly-2026-11-29/orders.dump", "2026-11-29T02:00:00.000Z", true),
                        version("nightly-2026-11-29/customers.dump", "2026-11-29T01:00:00.000Z", false),
                        version("nightly-2026-11-29/customers.dump", "2026-11-29T02:00:00.000Z", true)));
        CheckResult result = run("retention: { maxAge: 400d }");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::item).containsExactly("nightly-2025-01-10/orders.dump");
        assertThat(messages(result)).allMatch(m -> m.startsWith("an earlier version written 2025-01-10T02:00:00Z ("
                + "") && m.contains("older than maxAge 400d) is still kept"));
        assertThat(result.metrics()).containsEntry("expiredVersions", 1L);

        // A bucket never versioned keeps nothing; a store without versioning (501) neither.
        s3.bucket("versioning", Answer.ok("<VersioningConfiguration " + ScriptedS3.NS + "/>"));
        assertThat(run("retention: { maxAge: 400d }").status()).isEqualTo(Status.PASS);
        s3.bucket("versioning", Answer.error(501, "NotImplemented"));
        assertThat(run("retention: { maxAge: 400d }").status()).isEqualTo(Status.PASS);
        // One that will not say is never a pass.
        s3.bucket("versioning", Answer.error(403, "AccessDenied"));
        result = run("retention: { maxAge: 400d }");
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(messages(result)).anyMatch(m -> m.contains("may still be kept"));
    }

    private static Answer retainUntil(String date) {
        return Answer.ok("<Retention " + ScriptedS3.NS + "><Mode>COMPLIANCE</Mode><RetainUntilDate>" + date
                + "</RetainUntilDate></Retention>");
    }

    @Test
    void everyFileMustBeLockedForMinRetention() throws Exception {
        s3.bucket("object-lock", lockedByDefault("COMPLIANCE"))
                .retention("nightly-2026-11-29/orders.dump", retainUntil("2026-12-30T00:00:00.000Z"))
                .retention("nightly-2026-11-29/customers.dump", retainUntil("2026-12-30T00:00:00.000Z"));
        CheckResult result = run("immutability: { required: true, minRetention: 30d }");
        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("defaultLock", "COMPLIANCE for 30 days")
                .containsEntry("lockedFiles", 2L);

        s3.retention("nightly-2026-11-29/orders.dump", retainUntil("2026-12-01T00:00:00.000Z"));
        s3.retention("nightly-2026-11-29/customers.dump", Answer.error(404, "NoSuchObjectLockConfiguration"));
        result = run("immutability: { required: true, minRetention: 30d }");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::item, Finding::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29/orders.dump", "locked only until "
                        + "2026-12-01T00:00:00Z (COMPLIANCE), before 2026-12-29T00:00:00Z (backup time + minRetention "
                        + "30d)"),
                org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29/customers.dump",
                        "not locked: it can be changed or deleted"));
    }

    private static Answer retainUntil(String mode, String date) {
        return Answer.ok("<Retention " + ScriptedS3.NS + "><Mode>" + mode + "</Mode><RetainUntilDate>" + date
                + "</RetainUntilDate></Retention>");
    }

    /**
     * GOVERNANCE mode keeps the files only from those not allowed s3:BypassGovernanceRetention, who can shorten or
     * remove the lock: weaker than "immutable" reads, so a WARN naming each file and the mode, unless the plan
     * accepts governance mode; then a pass that says the mode.
     */
    @Test
    void aGovernanceModeLockWarnsByNameUnlessThePlanAcceptsIt() throws Exception {
        s3.bucket("object-lock", lockedByDefault("GOVERNANCE"))
                .retention("nightly-2026-11-29/orders.dump", retainUntil("GOVERNANCE", "2026-12-30T00:00:00.000Z"))
                .retention("nightly-2026-11-29/customers.dump", retainUntil("COMPLIANCE", "2026-12-30T00:00:00.000Z"));

        CheckResult result = run("immutability: { required: true, minRetention: 30d }");

        assertThat(result.status()).isEqualTo(Status.WARN);
        String lifted = "anyone allowed to (s3:BypassGovernanceRetention on S3, setting immutability policies on "
                + "Azure) can shorten or remove before it ends; set mode: governance to accept it";
        assertThat(result.findings()).extracting(Finding::severity, Finding::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Status.WARN, "the store locks new objects by default in "
                        + "GOVERNANCE for 30 days, a mode " + lifted),
                org.assertj.core.groups.Tuple.tuple(Status.WARN, "locked until 2026-12-30T00:00:00Z in GOVERNANCE "
                        + "mode, which " + lifted));
        assertThat(result.findings()).extracting(Finding::item).contains("nightly-2026-11-29/orders.dump");
        assertThat(result.metrics()).containsEntry("lockedFiles", 2L).containsEntry("liftableLocks", 1L)
                .containsEntry("lockModes", List.of("COMPLIANCE", "GOVERNANCE"))
                .containsEntry("modeAccepted", "compliance");

        result = run("immutability: { required: true, minRetention: 30d, mode: governance }");

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.summary()).isEqualTo("2 files locked (COMPLIANCE, GOVERNANCE), 0 not");
        assertThat(result.metrics()).containsEntry("modeAccepted", "governance")
                .containsEntry("defaultLock", "GOVERNANCE for 30 days");

        s3.retention("nightly-2026-11-29/customers.dump", retainUntil("COMPLIANCE", "2026-12-01T00:00:00.000Z"));
        assertThat(run("immutability: { required: true, minRetention: 30d, mode: governance }").status())
                .as("accepting governance mode never accepts a lock too short").isEqualTo(Status.FAIL);
    }

    /** A bucket with Object Lock on and a default retention of 30 days in this mode. */
    private static Answer lockedByDefault(String mode) {
        return Answer.ok("<ObjectLockConfiguration " + ScriptedS3.NS + "><ObjectLockEnabled>Enabled</ObjectLockEnabled>"
                + "<Rule><DefaultRetention><Mode>" + mode + "</Mode><Days>30</Days></DefaultRetention></Rule>"
                + "</ObjectLockConfiguration>");
    }

    private static Answer legalHold(String status) {
        return Answer.ok("<LegalHold " + ScriptedS3.NS + "><Status>" + status + "</Status></LegalHold>");
    }

    /**
     * A legal hold has no end date, but anyone allowed s3:PutObjectLegalHold can clear it at any time: like a
     * GOVERNANCE lock, a WARN unless the plan accepts governance mode. It never stands in for a COMPLIANCE retention
     * that is too short or missing, and a hold that was cleared (OFF) keeps nothing.
     */
    @Test
    void aLegalHoldIsALiftableLockNotACompliantOne() throws Exception {
        s3.bucket("object-lock", lockedByDefault("COMPLIANCE"))
                .retention("nightly-2026-11-29/customers.dump", retainUntil("COMPLIANCE", "2026-12-01T00:00:00.000Z"))
                .legalHold("nightly-2026-11-29/customers.dump", legalHold("ON"))
                .legalHold("nightly-2026-11-29/orders.dump", legalHold("ON"));

        CheckResult result = run("immutability: { required: true, minRetention: 30d }");

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.WARN);
        String cleared = "which anyone allowed to set legal holds (s3:PutObjectLegalHold on S3, setting legal holds on "
                + "Azure) can clear at any time; set mode: governance to accept it";
        assertThat(result.findings()).extracting(Finding::item, Finding::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29/orders.dump",
                        "kept only by a legal hold, " + cleared),
                org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29/customers.dump", "kept only by a legal hold "
                        + "(its COMPLIANCE lock ends 2026-12-01T00:00:00Z, before 2026-12-29T00:00:00Z (backup time "
                        + "+ minRetention 30d)), " + cleared));
        assertThat(result.metrics()).containsEntry("lockedFiles", 2L).containsEntry("liftableLocks", 2L)
                .containsEntry("lockModes", List.of("COMPLIANCE", "legal hold"));

        result = run("immutability: { required: true, minRetention: 30d, mode: governance }");
        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);

        s3.legalHold("nightly-2026-11-29/customers.dump", legalHold("OFF"));
        result = run("immutability: { required: true, minRetention: 30d, mode: governance }");
        assertThat(result.status()).as("a cleared hold keeps nothing").isEqualTo(Status.FAIL);
        assertThat(messages(result)).containsExactly("locked only until 2026-12-01T00:00:00Z (COMPLIANCE), before "
                + "2026-12-29T00:00:00Z (backup time + minRetention 30d)");
    }

    /** A legal hold beside a COMPLIANCE retention long enough adds nothing to warn about. */
    @Test
    void aLegalHoldBesideACompliantLockPasses() throws Exception {
        s3.bucket("object-lock", lockedByDefault("COMPLIANCE"))
                .retention("nightly-2026-11-29/orders.dump", retainUntil("2026-12-30T00:00:00.000Z"))
                .retention("nightly-2026-11-29/customers.dump", retainUntil("2026-12-30T00:00:00.000Z"))
                .legalHold("nightly-2026-11-29/orders.dump", legalHold("ON"));
        CheckResult result = run("immutability: { required: true, minRetention: 30d }");
        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("liftableLocks", 0L);
    }

    /**
     * A store that will not say whether an object is under a legal hold cannot be judged where its retention does not
     * suffice; where a COMPLIANCE retention does, the hold does not matter. A store without legal holds (501) holds
     * nothing by one.
     */
    @Test
    void aLegalHoldTheStoreWillNotTellIsUnknown() throws Exception {
        s3.bucket("object-lock", Answer.ok("<ObjectLockConfiguration " + ScriptedS3.NS + "><ObjectLockEnabled>"
                + "Enabled</ObjectLockEnabled></ObjectLockConfiguration>"))
                .legalHold("nightly-2026-11-29/orders.dump", Answer.error(403, "AccessDenied"))
                .legalHold("nightly-2026-11-29/customers.dump", Answer.error(403, "AccessDenied"));
        CheckResult result = run("immutability: { required: true, minRetention: 30d }");
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(messages(result).get(0)).startsWith("the store cannot tell the legal hold of nightly-2026-11-29/");

        s3.retention("nightly-2026-11-29/orders.dump", retainUntil("2026-12-30T00:00:00.000Z"))
                .retention("nightly-2026-11-29/customers.dump", retainUntil("2026-12-30T00:00:00.000Z"));
        result = run("immutability: { required: true, minRetention: 30d }");
        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);

        s3.retention("nightly-2026-11-29/customers.dump", Answer.error(404, "NoSuchObjectLockConfiguration"))
                .legalHold("nightly-2026-11-29/customers.dump", Answer.error(501, "NotImplemented"));
        result = run("immutability: { required: true, minRetention: 30d, mode: governance }");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(messages(result)).containsExactly("not locked: it can be changed or deleted");
    }

    @Test
    void aBucketWithoutObjectLockFails() throws Exception {
        s3.bucket("object-lock", Answer.error(404, "ObjectLockConfigurationNotFoundError"));
        CheckResult result = run("immutability: { required: true }");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(messages(result)).contains("the store locks no new objects by default");
        assertThat(result.metrics()).containsEntry("unlockedFiles", 2L);
    }

    @Test
    void capacityCountedFromAListingCutShortIsAnErrorNotAPass() throws Exception {
        s3.object("nightly-2026-11-29/large.dump", "x".repeat(200), null);
        // The store has no versioning (501): its listing gives the used space, 224 bytes, over the quota.
        assertThat(run("capacity: { quota: 100 }").status()).isEqualTo(Status.FAIL);
        // A first page of 13 bytes marked truncated without a token: under the quota, had the listing ended there.
        s3.nextListing(DirectListingTest.truncatedPage("vault", "nightly-2026-11-29/customers.dump", 13, null));
        CheckResult result = run("capacity: { quota: 100 }");
        assertThat(result.status()).as(result.toString()).isEqualTo(Status.ERROR);
        assertThat(result.summary()).contains("marked a listing page truncated but gave no continuation token");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aVersionListingMarkedTruncatedWithoutMarkersIsAnErrorNotAnEndlessListing() throws Exception {
        // The SDK's paginator would ask for the first page again and again.
        s3.bucket("versioning", Answer.ok("<VersioningConfiguration " + ScriptedS3.NS + "><Status>Enabled</Status>"
                + "</VersioningConfiguration>"))
                .bucket("versions", new Answer(200, versions(version("nightly-2026-11-29/orders.dump",
                        "2026-11-29T02:00:00.000Z", true)).xml().replace("<IsTruncated>false", "<IsTruncated>true")));
        CheckResult result = run("capacity: { quota: 100 }");
        assertThat(result.status()).as(result.toString()).isEqualTo(Status.ERROR);
        assertThat(result.summary()).contains("marked a listing page truncated but gave no next key marker");
        assertThat(run("retention: { maxAge: 400d }").status()).isEqualTo(Status.ERROR);
    }
}
