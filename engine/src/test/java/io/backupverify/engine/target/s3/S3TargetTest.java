package io.backupverify.engine.target.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.AwsKeys;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretText;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.plan.S3TargetSpec;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.testing.Plans;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 target against a real S3 server (S3Proxy), spoken to over HTTP by the real AWS SDK. */
class S3TargetTest {
    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    private static final String[] DAYS = {"2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"};

    @TempDir
    static Path storage;
    private static S3TestServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        server = new S3TestServer(storage);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Daily backup folders under {@code prefix}, each with two data files, SHA256SUMS and a window marker. */
    static void uploadBackups(String bucket, String prefix, boolean storeSha256) throws Exception {
        server.createBucket(bucket);
        for (int day = 0; day < DAYS.length; day++) {
            String folder = prefix + "orders-" + DAYS[day] + "/";
            byte[] dump = random(300_000 + day, day);
            byte[] config = ("config of day " + day + "\n").getBytes(StandardCharsets.UTF_8);
            server.put(bucket, folder + "db.dump", dump, storeSha256 ? digest(dump) : null);
            server.put(bucket, folder + "etc/config.txt", config, storeSha256 ? digest(config) : null);
            byte[] marker = ("{\"start\": \"" + DAYS[day] + "T01:10:00Z\", \"end\": \"" + DAYS[day]
                    + "T01:40:00Z\"}").getBytes(StandardCharsets.UTF_8);
            server.put(bucket, folder + "backup-info.json", marker, storeSha256 ? digest(marker) : null);
            String sums = sha256(dump) + "  db.dump\n" + sha256(config) + "  etc/config.txt\n" + sha256(marker)
                    + "  backup-info.json\n";
            server.put(bucket, folder + "SHA256SUMS", sums.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    static byte[] digest(byte[] content) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(content);
    }

    static String plan(String bucket, String prefix, String credentialsId, String integrity) {
        return """
                backupSets:
                  - name: orders
                    target: { type: s3, bucket: %s, prefix: "%s", region: us-east-1, endpoint: "%s", pathStyle: true%s }
                    layout: { namePattern: "orders-{yyyy-MM-dd}" }
                    checks:
                      freshness: { maxAge: 30h }
                      completeness: { minFiles: 2, required: [db.dump] }
                      integrity: %s
                      retention: { keepDaily: 3 }
                      window: { start: "01:00", end: "02:00", maxDuration: 1h }
                      capacity: { quota: 10MB }
                """.formatted(bucket, prefix, server.endpoint(),
                credentialsId == null ? "" : ", credentialsId: " + credentialsId, integrity);
    }

    static RunResult run(String yaml, Path baseDir, Map<String, CredentialValue> credentials, long runNumber)
            throws Exception {
        VerifyOptions options = VerifyOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withRunNumber(runNumber);
        return new Verifier(new CredentialedTargetOpener(baseDir, CredentialResolver.of(credentials)))
                .verify(Plans.parse(yaml, baseDir), options);
    }

    static Map<String, CredentialValue> goodKeys() {
        return Map.of("s3-reader", new AwsKeys(S3TestServer.IDENTITY, SecretValue.of(S3TestServer.CREDENTIAL), null));
    }

    static CheckResult check(SetResult set, String id) {
        return set.checks().stream().filter(check -> check.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyCheckRunsUnchangedOnABucketPrefix() throws Exception {
        uploadBackups("every-check", "nightly/", false);

        // Run 2 reads slice 1 of 2, which holds all three listed files; run 1's slice holds none.
        SetResult set = run(plan("every-check", "nightly/", "s3-reader", "{ sample: 50% }"), work, goodKeys(), 2)
                .sets().get(0);

        assertThat(set.checks()).allSatisfy(check -> assertThat(check.status()).as(check.toString())
                .isEqualTo(Status.PASS));
        assertThat(set.target()).contains("s3://every-check/nightly/").contains("plain HTTP");
        assertThat(set.backupCount()).isEqualTo(4);
        assertThat(check(set, "capacity").summary()).contains("quota");
        assertThat(check(set, "integrity").metrics()).containsEntry("mode", "full");
        SetResult otherSlice = run(plan("every-check", "nightly/", "s3-reader", "{ sample: 50% }"), work, goodKeys(),
                1).sets().get(0);
        assertThat(check(otherSlice, "integrity").status()).as("a slice that read nothing is no pass")
                .isEqualTo(Status.WARN);
        long verified = ((Number) check(set, "integrity").metrics().get("verifiedFiles")).longValue()
                + ((Number) check(otherSlice, "integrity").metrics().get("verifiedFiles")).longValue();
        assertThat(verified).isEqualTo(3);
    }

    @Test
    void aFlippedByteOnTheServersDiskFailsIntegrity() throws Exception {
        uploadBackups("bit-rot", "", false);
        Path stored = server.file("bit-rot", "orders-2026-11-29/db.dump");
        byte[] bytes = Files.readAllBytes(stored);
        bytes[1234] ^= 0x01;
        Files.write(stored, bytes);

        SetResult set = run(plan("bit-rot", "", "s3-reader", "{ sample: 100% }"), work, goodKeys(), 1).sets().get(0);

        CheckResult integrity = check(set, "integrity");
        assertThat(integrity.status()).isEqualTo(Status.FAIL);
        assertThat(integrity.findings()).anySatisfy(finding -> assertThat(finding.item()).contains("db.dump"));
    }

    @Test
    void storedModeComparesTheStoresChecksumsAndNeverPassesAnObjectWithout() throws Exception {
        uploadBackups("stored-sums", "", true);
        SetResult stored = run(plan("stored-sums", "", "s3-reader", "{ mode: stored }"), work, goodKeys(), 1)
                .sets().get(0);
        assertThat(check(stored, "integrity").status()).isEqualTo(Status.PASS);
        assertThat(check(stored, "integrity").summary()).startsWith("mode stored");
        assertThat(check(stored, "integrity").metrics()).containsEntry("mode", "stored").containsEntry("readBytes", 0L);

        uploadBackups("no-stored-sums", "", false);
        SetResult without = run(plan("no-stored-sums", "", "s3-reader", "{ mode: stored }"), work, goodKeys(), 1)
                .sets().get(0);
        CheckResult integrity = check(without, "integrity");
        assertThat(integrity.status()).isEqualTo(Status.WARN);
        assertThat(integrity.findings()).anySatisfy(finding -> assertThat(finding.item() + finding.message())
                .contains("db.dump").contains("keeps no SHA-256"));
    }

    @Test
    void storedModeUsesTheSinglePartEtagAsMd5() throws Exception {
        server.createBucket("etag-md5");
        byte[] dump = random(5000, 7);
        server.put("etag-md5", "orders-2026-11-29/db.dump", dump, null);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(dump));
        server.put("etag-md5", "orders-2026-11-29/MD5SUMS", (md5 + "  db.dump\n").getBytes(StandardCharsets.UTF_8),
                null);
        S3Target target = S3Targets.open(spec("etag-md5", null), Optional.of(goodKeys().get("s3-reader")));
        assertThat(target.storedChecksums("orders-2026-11-29/db.dump"))
                .anySatisfy(sum -> assertThat(sum.hex()).isEqualTo(md5));
        target.close();
    }

    static S3TargetSpec spec(String bucket, String credentialsId) {
        return new S3TargetSpec(bucket, "", "us-east-1", server.endpoint().toString(), true, credentialsId);
    }

    @Test
    void namedCredentialsThatAreMissingWrongOrOfAnotherKindAreAnErrorNamingTheId() throws Exception {
        uploadBackups("credentials", "", false);
        String yaml = plan("credentials", "", "s3-reader", "{ sample: 100% }");
        String canary = "canary-Secret-do-not-print-5d1e";

        RunResult missing = run(yaml, work, Map.of(), 1);
        RunResult wrongSecret = run(yaml, work, Map.of("s3-reader", new AwsKeys(S3TestServer.IDENTITY,
                SecretValue.of(canary), null)), 1);
        RunResult wrongKind = run(yaml, work, Map.of("s3-reader", new SecretText(SecretValue.of(canary))), 1);

        for (RunResult result : new RunResult[] {missing, wrongSecret, wrongKind}) {
            assertThat(result.sets().get(0).checks()).allSatisfy(check -> {
                assertThat(check.status()).isEqualTo(Status.ERROR);
            });
            String report = new JsonReport().toString(result);
            assertThat(report).doesNotContain(canary);
        }
        assertThat(check(missing.sets().get(0), "freshness").summary()).contains("'s3-reader'");
        assertThat(check(wrongKind.sets().get(0), "freshness").summary()).contains("'s3-reader'")
                .contains("kind aws");
        assertThat(check(wrongSecret.sets().get(0), "freshness").summary()).contains("403");
    }

    @Test
    void aTargetWithoutCredentialsIdUsesTheDefaultChainNotAnotherSetsCredentials() throws Exception {
        uploadBackups("default-chain", "", false);
        // The default chain finds no keys for this server here (or keys it refuses): an ERROR, never a PASS.
        SetResult set = run(plan("default-chain", "", null, "{ sample: 100% }"), work, goodKeys(), 1).sets().get(0);
        assertThat(set.checks()).allSatisfy(check -> assertThat(check.status()).isEqualTo(Status.ERROR));
    }

    @Test
    void largeObjectsAreReadInConcurrentRangedPartsAndHashedInOrder() throws Exception {
        server.createBucket("large-objects");
        byte[] big = random(3 * 1024 * 1024 + 17, 11);
        server.put("large-objects", "big.bin", big, null);
        try (S3Target target = S3Targets.open(spec("large-objects", "s3-reader"),
                Optional.of(goodKeys().get("s3-reader")), smallParts());
                InputStream in = target.open("big.bin")) {
            assertThat(in).isInstanceOf(PartedObjectStream.class);
            assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(big));
        }
        try (S3Target target = S3Targets.open(spec("large-objects", "s3-reader"),
                Optional.of(goodKeys().get("s3-reader")), smallParts());
                InputStream in = target.open("big.bin", 1_000_000)) {
            byte[] rest = in.readAllBytes();
            assertThat(rest).hasSize(big.length - 1_000_000);
            assertThat(sha256(rest)).isEqualTo(sha256(java.util.Arrays.copyOfRange(big, 1_000_000, big.length)));
        }
    }

    /**
     * The SDK's default 60-second abort task per response stays queued after the read and holds the response: with
     * thousands of small objects that grew the heap by kilobytes per object read in the last minute. Our streams
     * schedule none; a stalled read still ends at the socket timeout.
     */
    @Test
    void objectStreamsLeaveNoAbortTaskHoldingTheResponse() throws Exception {
        server.createBucket("no-abort-task");
        byte[] small = random(100, 13);
        server.put("no-abort-task", "small.bin", small, null);
        try (S3Target target = S3Targets.open(spec("no-abort-task", "s3-reader"),
                Optional.of(goodKeys().get("s3-reader")), S3Targets.Settings.defaults().withoutDirectReads());
                S3ObjectStream in = target.stream("small.bin", "s3://no-abort-task/small.bin", 0, -1, null)
                        .connect()) {
            assertThat(in.holdsTimeoutTask()).isFalse();
            assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(small));
            assertThat(target.directReads()).isZero();
        }
    }

    /**
     * Object reads skip the SDK's per-request pipeline: signed by the SDK's signer and sent through the same HTTP
     * client. The real server must accept their signatures and URLs for keys with characters URLs escape, whole and
     * in ranges, and give the same bytes.
     */
    @Test
    void objectReadsGoStraightThroughTheHttpClientForAnyKey() throws Exception {
        server.createBucket("direct-reads");
        String[] keys = {"plain.bin", "with space/a+b=c&d.bin", "caf\u00e9/\u20ac~*'!(x).bin", "per%25cent/%41.bin",
            "dots..x/.y.bin", "-lead/;semi:colon@at$dollar,comma.bin"};
        Map<String, byte[]> contents = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            contents.put(keys[i], random(70_000 + i, 20 + i));
            server.put("direct-reads", keys[i], contents.get(keys[i]), null);
        }
        try (S3Target target = S3Targets.open(spec("direct-reads", "s3-reader"),
                Optional.of(goodKeys().get("s3-reader")))) {
            long reads = 0;
            for (Map.Entry<String, byte[]> object : contents.entrySet()) {
                try (InputStream in = target.open(object.getKey())) {
                    assertThat(sha256(in.readAllBytes())).as(object.getKey()).isEqualTo(sha256(object.getValue()));
                }
                try (InputStream in = target.open(object.getKey(), 1234)) {
                    assertThat(in.readAllBytes()).as(object.getKey()).isEqualTo(java.util.Arrays.copyOfRange(
                            object.getValue(), 1234, object.getValue().length));
                }
                reads += 2;
                assertThat(target.directReads()).as(object.getKey()).isEqualTo(reads);
            }
            // Listings, reads and looks at one object all went direct: the SDK's client was never needed, so never
            // built. A look gives what the SDK's HEAD gives.
            assertThat(target.list("")).isNotEmpty();
            Optional<io.backupverify.engine.target.Entry> looked = target.stat("with space/a+b=c&d.bin");
            assertThat(target.sdkClientBuilt()).isFalse();
            try (S3Target sdk = S3Targets.open(spec("direct-reads", "s3-reader"),
                    Optional.of(goodKeys().get("s3-reader")), S3Targets.Settings.defaults().withoutDirectReads())) {
                assertThat(looked).isPresent().isEqualTo(sdk.stat("with space/a+b=c&d.bin"));
                assertThat(looked.get().size()).isEqualTo(70_001);
            }
            // What the direct path does not answer builds it and goes through it.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> target.open("gone.bin"))
                    .hasMessageContaining("404");
            assertThat(target.sdkClientBuilt()).isTrue();
        }
    }

    /** Listings skip the SDK's pipeline too: the real server answers them, and they list what the SDK lists. */
    @Test
    void listingsGoStraightThroughTheHttpClientAndListWhatTheSdkLists() throws Exception {
        server.createBucket("direct-lists");
        for (String key : new String[] {"a/plain.bin", "a/with space/a+b=c&d.bin", "a/caf\u00e9/\u20ac~*'!(x).bin",
            "a/per%25cent/%41.bin", "b.bin"}) {
            server.put("direct-lists", key, random(100, key.length()), null);
        }
        java.util.List<java.util.List<String>> listed = new java.util.ArrayList<>();
        for (S3Targets.Settings settings : new S3Targets.Settings[] {S3Targets.Settings.defaults(),
            S3Targets.Settings.defaults().withoutDirectReads()}) {
            try (S3Target target = S3Targets.open(spec("direct-lists", "s3-reader"),
                    Optional.of(goodKeys().get("s3-reader")), settings)) {
                java.util.List<String> entries = new java.util.ArrayList<>();
                target.walk("", entry -> entries.add(entry.path() + " " + entry.size() + " " + entry.modified()));
                target.list("a").forEach(entry -> entries.add(entry.path() + " " + entry.isFile()));
                listed.add(entries);
                assertThat(target.directLists()).isEqualTo(settings.directReads() ? 2 : 0);
            }
        }
        assertThat(listed.get(0)).hasSize(13).isEqualTo(listed.get(1))
                .anyMatch(line -> line.startsWith("a/caf\u00e9/\u20ac~*'!(x).bin 100 "));
    }

    /** What the direct reads do not answer goes through the SDK: a missing object is the same error as before. */
    @Test
    void aMissingObjectIsTheSameErrorWithOrWithoutDirectReads() throws Exception {
        server.createBucket("direct-missing");
        server.put("direct-missing", "here.bin", random(10, 1), null);
        String[] messages = new String[2];
        for (int i = 0; i < 2; i++) {
            S3Targets.Settings settings = i == 0 ? S3Targets.Settings.defaults()
                    : S3Targets.Settings.defaults().withoutDirectReads();
            try (S3Target target = S3Targets.open(spec("direct-missing", "s3-reader"),
                    Optional.of(goodKeys().get("s3-reader")), settings)) {
                int index = i;
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> target.open("gone.bin"))
                        .isInstanceOf(java.io.IOException.class)
                        .satisfies(e -> messages[index] = e.getMessage());
                assertThat(target.directReads()).isZero();
            }
        }
        assertThat(messages[0]).contains("gone.bin").contains("404").isEqualTo(messages[1]);
    }

    /**
     * Parts of a large object are pinned to the ETag of its first response: an object replaced while it is read is
     * an error naming the change, never a hash over two versions.
     */
    @Test
    void anObjectReplacedWhileItIsReadInPartsIsAnError() throws Exception {
        server.createBucket("replaced");
        byte[] first = random(1_200_000, 31);
        server.put("replaced", "big.bin", first, null);
        S3Targets.Settings oneAtATime = new S3Targets.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5),
                RetryPolicy.DEFAULT, new PartedObjectStream.Parts(256 * 1024, 512 * 1024, 1, 1, 1));
        try (S3Target target = S3Targets.open(spec("replaced", "s3-reader"),
                Optional.of(goodKeys().get("s3-reader")), oneAtATime);
                InputStream in = target.open("big.bin")) {
            assertThat(in.readNBytes(1000)).isEqualTo(java.util.Arrays.copyOf(first, 1000));
            server.put("replaced", "big.bin", random(1_200_000, 32), null);
            org.assertj.core.api.Assertions.assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("changed while being read");
            assertThat(target.directReads()).isPositive();
        }
    }

    /** 256 KiB parts for objects from 512 KiB, so a small object exercises the parted reads. */
    /** An object written three days ago by the store's clock (S3Proxy's filesystem store gives a file's time). */
    private static RunResult verifyStaleObject(Path baseDir, Clock clock, String bucket) throws Exception {
        server.createBucket(bucket);
        server.put(bucket, "nightly/orders.dump", random(5000, 7), null);
        Files.setLastModifiedTime(server.file(bucket, "nightly/orders.dump"),
                FileTime.from(Instant.now().minus(Duration.ofDays(3).plusMinutes(90))));
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: s3, bucket: %s, prefix: "nightly/", region: us-east-1, endpoint: "%s", pathStyle: true, credentialsId: s3-reader }
                    layout: { kind: file-per-backup, namePattern: "*.dump" }
                    checks:
                      freshness: { maxAge: 26h }
                """.formatted(bucket, server.endpoint());
        VerifyOptions options = VerifyOptions.defaults().withClock(clock).withClockChecked();
        return new Verifier(new CredentialedTargetOpener(baseDir, CredentialResolver.of(goodKeys())))
                .verify(Plans.parse(yaml, baseDir), options);
    }

    @Test
    void aStaleObjectIsNotFreshToAMachineWhoseClockRunsThreeDaysSlow() throws Exception {
        RunResult run = verifyStaleObject(work, Clock.offset(Clock.systemUTC(), Duration.ofDays(-3)), "slow-clock");

        CheckResult freshness = check(run.sets().get(0), "freshness");
        assertThat(freshness.status()).isEqualTo(Status.FAIL);
        assertThat(freshness.summary()).contains("newest backup is 3d 1h");
        assertThat(freshness.findings()).anySatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(Status.WARN);
            assertThat(finding.message()).contains("this machine's clock is 3d behind the store's clock")
                    .contains("set this machine's clock right");
        });
        assertThat((Long) freshness.metrics().get("clockBehindSeconds")).isBetween(3 * 86_400L - 60, 3 * 86_400L + 60);
    }

    @Test
    void aRightClockGetsNoClockFindingAndADaySlowIsAlsoMeasuredByTheStore() throws Exception {
        CheckResult right = check(verifyStaleObject(work, Clock.systemUTC(), "right-clock").sets().get(0),
                "freshness");
        // A day slow: the three-day-old object is two days old to it, and measured by the store's clock instead.
        CheckResult oneDaySlow = check(verifyStaleObject(work, Clock.offset(Clock.systemUTC(), Duration.ofDays(-1)),
                "day-slow-clock").sets().get(0), "freshness");

        assertThat(right.status()).isEqualTo(Status.FAIL);
        assertThat(right.findings()).noneSatisfy(finding -> assertThat(finding.message()).contains("clock"));
        assertThat(right.metrics()).doesNotContainKey("clockBehindSeconds");
        assertThat(oneDaySlow.summary()).contains("newest backup is 3d 1h");
    }

    private static S3Targets.Settings smallParts() {
        return new S3Targets.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5), RetryPolicy.DEFAULT,
                new PartedObjectStream.Parts(256 * 1024, 512 * 1024, 4, 6, 4));
    }
}
