package io.backupverify.engine.target.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.FileCoverage;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.testing.Plans;
import io.backupverify.engine.testing.ColumnarIntegrity;
import io.backupverify.engine.testing.SameVerdicts;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A typical plan over a real S3 server (S3Proxy), run with integrity made to take its columnar path, then on its
 * streamed merge of the bucket's listing (in key order) with a sorted manifest, without and with coverage kept:
 * every check must give the same status, summary, findings and figures, the set the same latest-backup figures,
 * and integrity the same ledger keys, verified alike.
 */
class S3IntegrityPathsTest {
    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

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

    /** Puts objects d00/f0000.dat … and returns their SHA256SUMS lines, in key order. */
    private static List<String> putMany(String bucket, String folder, int count) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("d%02d/f%04d.dat", i / 100, i);
            byte[] content = ("object " + i + "\n").getBytes(StandardCharsets.UTF_8);
            server.put(bucket, folder + name, content, null);
            lines.add(S3TargetTest.sha256(content) + "  " + name);
        }
        return lines;
    }

    private static void putSums(String bucket, String folder, List<String> lines) {
        server.put(bucket, folder + "SHA256SUMS", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                null);
    }

    private static String plan(String bucket) {
        return """
                backupSets:
                  - name: objects
                    target: { type: s3, bucket: %s, region: us-east-1, endpoint: "%s", pathStyle: true, credentialsId: s3-reader }
                    layout: { namePattern: "objects-{yyyy-MM-dd}" }
                    checks:
                      freshness: { maxAge: 30h }
                      completeness: { minFiles: 2 }
                      integrity: { sample: 100%% }
                      retention: { keepDaily: 1 }
                      capacity: { quota: 10MB }
                """.formatted(bucket, server.endpoint());
    }

    private SetResult run(String bucket, boolean keepCoverage, boolean columnar) throws Exception {
        VerifyOptions options = VerifyOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withCoverageKept(keepCoverage);
        CredentialedTargetOpener opener = new CredentialedTargetOpener(work,
                CredentialResolver.of(S3TargetTest.goodKeys()));
        return new Verifier(columnar ? opener.andThen(ColumnarIntegrity::of) : opener)
                .verify(Plans.parse(plan(bucket), work), options).sets().get(0);
    }

    /**
     * Runs the columnar path (made to, as a reference), then the streamed one without and with coverage kept;
     * checks that they agree, also on the coverage the ledger gets, and returns the streamed run's integrity result.
     */
    private CheckResult bothPaths(String bucket, boolean streamed) throws Exception {
        SetResult columnar = run(bucket, true, true);
        SetResult merged = run(bucket, false, false);
        SetResult ledgered = run(bucket, true, false);
        for (SetResult other : List.of(merged, ledgered)) {
            assertThat(other.latestBackup()).isEqualTo(columnar.latestBackup());
            assertThat(other.checks()).hasSameSizeAs(columnar.checks());
            for (int i = 0; i < columnar.checks().size(); i++) {
                CheckResult before = columnar.checks().get(i);
                CheckResult after = other.checks().get(i);
                assertThat(after.id()).isEqualTo(before.id());
                SameVerdicts.assertSame(after, before);
            }
        }
        CheckResult integrity = S3TargetTest.check(merged, "integrity");
        assertThat(integrity.coverage().isEmpty()).as("the streamed path ran").isEqualTo(streamed);
        FileCoverage expected = S3TargetTest.check(columnar, "integrity").coverage().orElseThrow();
        FileCoverage kept = S3TargetTest.check(ledgered, "integrity").coverage().orElseThrow();
        assertThat(kept.listed()).as("ledger keys").containsExactlyElementsOf(expected.listed());
        assertThat(kept.verified()).as("verified ledger keys").isEqualTo(expected.verified());
        return integrity;
    }

    @Test
    void aHealthyBucketOfManyObjects() throws Exception {
        server.createBucket("paths-healthy");
        putSums("paths-healthy", "objects-2026-11-29/", putMany("paths-healthy", "objects-2026-11-29/", 1030));

        CheckResult integrity = bothPaths("paths-healthy", true);

        assertThat(integrity.metrics()).containsEntry("verifiedFiles", 1030L);
    }

    @Test
    void missingExtraCorruptDuplicateAndRenamedObjects() throws Exception {
        String bucket = "paths-faults";
        String folder = "objects-2026-11-29/";
        server.createBucket(bucket);
        List<String> lines = new ArrayList<>(putMany(bucket, folder, 120));
        // A line for an object not in the bucket, and an object no line names.
        lines.add(5, "a".repeat(64) + "  d00/f0004a.dat");
        server.put(bucket, folder + "d01/extra.dat", "extra".getBytes(StandardCharsets.UTF_8), null);
        // A name listed twice with different digests.
        lines.add(12, "b".repeat(64) + "  d00/f0010.dat");
        // Names that differ from the object's only in Unicode normalisation and in case.
        byte[] coffee = "coffee".getBytes(StandardCharsets.UTF_8);
        server.put(bucket, folder + Normalizer.normalize("e/café.txt", Normalizer.Form.NFD), coffee, null);
        lines.add(S3TargetTest.sha256(coffee) + "  " + Normalizer.normalize("e/café.txt", Normalizer.Form.NFC));
        server.put(bucket, folder + "e/README.txt", coffee, null);
        lines.add(S3TargetTest.sha256(coffee) + "  e/Readme.txt");
        lines.sort((a, b) -> compareUtf8(a.substring(66), b.substring(66)));
        putSums(bucket, folder, lines);
        // Bit rot behind the server's back.
        Path rotten = server.file(bucket, folder + "d01/f0110.dat");
        byte[] bytes = Files.readAllBytes(rotten);
        bytes[0] ^= 0x01;
        Files.write(rotten, bytes);

        CheckResult integrity = bothPaths(bucket, true);

        assertThat(integrity.metrics()).containsEntry("missingFiles", 3L).containsEntry("unlistedFiles", 3L)
                .containsEntry("changedFiles", 2L);
    }

    @Test
    void anUnsortedManifestTakesTheColumnarPath() throws Exception {
        String bucket = "paths-unsorted";
        server.createBucket(bucket);
        List<String> lines = new ArrayList<>(putMany(bucket, "objects-2026-11-29/", 50));
        lines.add(lines.remove(0));
        putSums(bucket, "objects-2026-11-29/", lines);

        CheckResult integrity = bothPaths(bucket, false);

        assertThat(integrity.metrics()).containsEntry("verifiedFiles", 50L);
    }

    private static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
