package io.backupverify.engine.target.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.AwsKeys;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.target.s3.S3TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copies check across three kinds of target, each served for real: the original in a local folder, a copy
 * in S3 (S3Proxy), a copy on an SFTP server (MINA SSHD), and a second local folder.
 */
class CopiesAcrossTargetsTest {
    private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
    private static final String PASSWORD = "copies-Pw-2231";

    @TempDir
    Path dir;
    private S3TestServer s3;
    private MinaSftpServer sftp;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        Random random = new Random(7);
        for (String name : List.of("orders.dump", "customers.dump", "schema.sql")) {
            byte[] content = new byte[50_000 + files.size()];
            random.nextBytes(content);
            files.put(name, content);
        }
        files.forEach((name, content) -> write(dir.resolve("primary/nightly-2026-11-29/" + name), content));
        files.forEach((name, content) -> write(dir.resolve("served/orders/nightly-2026-11-29/" + name), content));
        Files.createDirectories(dir.resolve("nas/nightly-2026-11-28"));
        s3 = new S3TestServer(Files.createDirectories(dir.resolve("s3store")));
        s3.createBucket("copies");
        files.forEach((name, content) -> s3.put("copies", "orders/nightly-2026-11-29/" + name, content, null));
        sftp = new MinaSftpServer(dir.resolve("served"), MinaSftpServer.generateAll(List.of("ssh-ed25519")), null,
                PASSWORD);
    }

    @AfterEach
    void tearDown() throws Exception {
        sftp.close();
        s3.close();
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String hostKey() {
        return HostKeyTrust.fingerprint(sftp.hostKey("ssh-ed25519"));
    }

    private CheckResult copies(String copies) throws Exception {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: local, path: primary }
                    layout: { namePattern: "nightly-{yyyy-MM-dd}" }
                    checks:
                      copies: %s
                  - name: orders-s3
                    target: { type: s3, bucket: copies, prefix: orders/, region: us-east-1, endpoint: "%s",
                              pathStyle: true, credentialsId: s3 }
                    layout: { namePattern: "nightly-{yyyy-MM-dd}" }
                    checks: { freshness: { maxAge: 26h } }
                  - name: orders-sftp
                    target: { type: sftp, host: 127.0.0.1, port: %d, path: /orders, credentialsId: ssh,
                              hostKey: "%s" }
                    layout: { namePattern: "nightly-{yyyy-MM-dd}" }
                    checks: { freshness: { maxAge: 26h } }
                  - name: orders-nas
                    target: { type: local, path: nas }
                    layout: { namePattern: "nightly-{yyyy-MM-dd}" }
                    checks: { freshness: { maxAge: 26h } }
                  - name: orders-s3-again
                    target: { type: s3, bucket: copies, prefix: again/, region: us-east-1, endpoint: "%s",
                              pathStyle: true, credentialsId: s3 }
                    layout: { namePattern: "nightly-{yyyy-MM-dd}" }
                    checks: { freshness: { maxAge: 26h } }
                  - name: orders-sftp-again
                    target: { type: sftp, host: 127.0.0.1, port: %d, path: /orders/again, credentialsId: ssh,
                              hostKey: "%s" }
                    layout: { namePattern: "nightly-{yyyy-MM-dd}" }
                    checks: { freshness: { maxAge: 26h } }
                  - name: orders-s3-localhost
                    target: { type: s3, bucket: copies, prefix: orders/, region: us-east-1, endpoint: "%s",
                              pathStyle: true, credentialsId: s3 }
                    layout: { namePattern: "nightly-{yyyy-MM-dd}" }
                    checks: { freshness: { maxAge: 26h } }
                  - name: orders-sftp-localhost
                    target: { type: sftp, host: localhost, port: %d, path: /orders, credentialsId: ssh,
                              hostKey: "%s" }
                    layout: { namePattern: "nightly-{yyyy-MM-dd}" }
                    checks: { freshness: { maxAge: 26h } }
                """.formatted(copies, s3.endpoint(), sftp.port(), hostKey(), s3.endpoint(), sftp.port(), hostKey(),
                s3.endpoint().toString().replace("127.0.0.1", "localhost"), sftp.port(), hostKey());
        CredentialResolver credentials = CredentialResolver.of(Map.of(
                "s3", new AwsKeys(S3TestServer.IDENTITY, SecretValue.of(S3TestServer.CREDENTIAL), null),
                "ssh", new io.backupverify.engine.credentials.UsernamePassword(MinaSftpServer.USER,
                        SecretValue.of(PASSWORD))));
        RunResult run = new Verifier(new CredentialedTargetOpener(dir, credentials)).verify(
                new PlanParser().parse(yaml, "plan.yaml", dir), VerifyOptions.defaults().withClock(
                        Clock.fixed(NOW, ZoneOffset.UTC)).withSets(List.of("orders")));
        CheckResult result = run.sets().get(0).checks().get(0);
        assertThat(result.toString() + result.findings()).doesNotContain(PASSWORD, S3TestServer.CREDENTIAL);
        return result;
    }

    @Test
    void identicalCopiesInS3AndOnSftpCountAsThreeCopiesOnThreeProviders() throws Exception {
        CheckResult result = copies("{ at: [orders-s3, orders-sftp], minCopies: 3, minProviders: 2, offsite: 2 }");
        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("copies", 3).containsEntry("offsiteCopies", 2)
                .containsEntry("providers", List.of("local", "127.0.0.1"));
    }

    /**
     * A second copy in the same bucket (under another prefix) and one in a folder inside the SFTP copy's folder on the
     * same server: one deleted bucket or one dead server loses both, so each pair is one copy.
     */
    @Test
    void copiesInTheSameBucketOrTheSameServerFolderCountOnce() throws Exception {
        files.forEach((name, content) -> s3.put("copies", "again/nightly-2026-11-29/" + name, content, null));
        files.forEach((name, content) -> write(dir.resolve("served/orders/again/nightly-2026-11-29/" + name),
                content));

        CheckResult result = copies("{ at: [orders-s3, orders-s3-again, orders-sftp, orders-sftp-again], "
                + "minCopies: 5 }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("copies", 3).containsEntry("sharingStorage",
                List.of("orders-s3-again:nightly-2026-11-29", "orders-sftp-again:nightly-2026-11-29"));
        String port = ":" + java.net.URI.create(s3.endpoint().toString()).getPort();
        assertThat(result.findings()).extracting(Finding::item, Finding::severity, Finding::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("orders-s3-again:nightly-2026-11-29", Status.WARN,
                                "on the same storage as orders-s3:nightly-2026-11-29 (S3 bucket copies at 127.0.0.1"
                                        + port + "), so not "
                                        + "counted as another copy: one fault, deletion or lost key there loses both"),
                        org.assertj.core.groups.Tuple.tuple("orders-sftp-again:nightly-2026-11-29", Status.WARN,
                                "on the same storage as orders-sftp:nightly-2026-11-29 (folder /orders on SFTP "
                                        + "server 127.0.0.1:" + sftp.port() + "; this copy: folder /orders/again on "
                                        + "SFTP server 127.0.0.1:" + sftp.port() + "), so not counted as another "
                                        + "copy: one fault, deletion or lost key there loses both"),
                        org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29", Status.FAIL,
                                "3 identical copies of the newest backup, fewer than minCopies 5"));

        assertThat(copies("{ at: [orders-s3, orders-s3-again, orders-sftp, orders-sftp-again], minCopies: 3 }")
                .status()).isEqualTo(Status.WARN);
    }

    /**
     * The same bucket reached at localhost and at 127.0.0.1, and the same SFTP folder likewise: the names resolve to
     * one address, so each pair is one copy on one provider (by name they were two of each).
     */
    @Test
    void oneServerReachedByTwoNamesIsOneStorage() throws Exception {
        assertThat(s3.endpoint().toString()).contains("127.0.0.1");

        CheckResult result = copies("{ at: [orders-s3, orders-s3-localhost, orders-sftp, orders-sftp-localhost], "
                + "minCopies: 4, minProviders: 3 }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("copies", 3).containsEntry("providers", List.of("local",
                "127.0.0.1")).containsEntry("sharingStorage", List.of("orders-s3-localhost:nightly-2026-11-29",
                "orders-sftp-localhost:nightly-2026-11-29"));
        String port = ":" + java.net.URI.create(s3.endpoint().toString()).getPort();
        assertThat(result.findings()).extracting(Finding::item, Finding::severity, Finding::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("orders-s3-localhost:nightly-2026-11-29", Status.WARN,
                                "on the same storage as orders-s3:nightly-2026-11-29 (S3 bucket copies at 127.0.0.1"
                                        + port + "; this copy: S3 bucket copies at localhost" + port + "; 127.0.0.1 "
                                        + "and localhost are one host, 127.0.0.1), so not counted as another copy: "
                                        + "one fault, deletion or lost key there loses both"),
                        org.assertj.core.groups.Tuple.tuple("orders-sftp-localhost:nightly-2026-11-29", Status.WARN,
                                "on the same storage as orders-sftp:nightly-2026-11-29 (folder /orders on SFTP "
                                        + "server 127.0.0.1:" + sftp.port() + "; this copy: folder /orders on SFTP "
                                        + "server localhost:" + sftp.port() + "; 127.0.0.1 and localhost are one host, "
                                        + "127.0.0.1), so not counted as another copy: one fault, deletion or lost "
                                        + "key there loses both"),
                        org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29", Status.FAIL,
                                "3 identical copies of the newest backup, fewer than minCopies 4"),
                        org.assertj.core.groups.Tuple.tuple("nightly-2026-11-29", Status.FAIL,
                                "copies on 2 providers [local, 127.0.0.1], fewer than minProviders 3"));
    }

    /**
     * A copy in S3 at localhost and one on SFTP at 127.0.0.1 are on two storages but one server: one provider, not
     * the two their names made.
     */
    @Test
    void copiesOnTwoKindsOfStorageOfOneServerByTwoNamesAreOneProvider() throws Exception {
        CheckResult result = copies("{ at: [orders-sftp, orders-s3-localhost], minCopies: 3, minProviders: 3 }");
        assertThat(result.metrics()).containsEntry("copies", 3).containsEntry("providers", List.of("local",
                "127.0.0.1"));
        assertThat(result.findings()).extracting(Finding::severity, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Status.FAIL, "copies on 2 providers [local, 127.0.0.1], fewer "
                        + "than minProviders 3"));
    }

    @Test
    void oneCopyIdenticalOneChangedAndOneMissingAreEachNamed() throws Exception {
        Path changed = dir.resolve("served/orders/nightly-2026-11-29/customers.dump");
        byte[] bytes = Files.readAllBytes(changed);
        bytes[4242] ^= 0x10;
        Files.write(changed, bytes);
        Files.writeString(dir.resolve("served/orders/nightly-2026-11-29/extra.txt"), "x", StandardCharsets.UTF_8);

        CheckResult result = copies("{ at: [orders-s3, orders-sftp, orders-nas], minCopies: 3 }");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).filteredOn(f -> f.severity() == Status.FAIL).extracting(Finding::item)
                .containsExactlyInAnyOrder("orders-sftp:nightly-2026-11-29/customers.dump",
                        "orders-nas:nightly-2026-11-29", "nightly-2026-11-29");
        assertThat(result.findings()).filteredOn(f -> f.severity() == Status.WARN).extracting(Finding::item)
                .containsExactly("orders-sftp:nightly-2026-11-29/extra.txt");
        assertThat(result.metrics()).containsEntry("copies", 2);
    }
}
