package io.backupverify.engine.target.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.credentials.UsernamePassword;
import io.backupverify.engine.plan.SftpTargetSpec;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.testing.BackupTree;
import io.backupverify.engine.testing.FaultProxy;
import io.backupverify.engine.testing.FaultProxy.Fault;
import io.backupverify.engine.testing.Plans;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults between the real SFTP client and a real SFTP server (Apache MINA SSHD), injected by a TCP proxy: a file
 * cut off or reset mid-read goes on from the byte it reached and hashes right; faults that persist, a stalled
 * connection and a server stopped mid-read end as an error naming the cause, never a pass and never a hang. The
 * timeouts are hang guards only.
 */
@Timeout(180)
class SftpFaultsTest {
    private static final String PASSWORD = "canary-sftp-faults-Pw-5d8e";
    private static final byte[] CONTENT = new byte[3 * 1024 * 1024];
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Where no test waits for a time-out to pass: long enough that a loaded machine is not taken for a fault. */
    private static final Duration PATIENT_TIMEOUT = Duration.ofSeconds(20);
    private static KeyPair hostKey;

    @TempDir
    Path dir;
    private MinaSftpServer server;
    private FaultProxy proxy;

    @BeforeAll
    static void makeKeys() throws Exception {
        hostKey = MinaSftpServer.generate("ssh-ed25519");
        new Random(11).nextBytes(CONTENT);
    }

    @BeforeEach
    void setUp() throws Exception {
        Path served = Files.createDirectories(dir.resolve("served"));
        Path backup = new BackupTree(served.resolve("orders")).backup("orders-1",
                Instant.now().minus(1, ChronoUnit.HOURS), "conf/app.yml", "a: 1");
        Files.write(backup.resolve("db.dump"), CONTENT);
        Files.writeString(backup.resolve("SHA256SUMS"), BackupTree.sha256(CONTENT) + "  db.dump\n"
                + BackupTree.sha256("a: 1".getBytes(StandardCharsets.UTF_8)) + "  conf/app.yml\n");
        server = new MinaSftpServer(served, List.of(hostKey), null, PASSWORD);
        proxy = new FaultProxy(server.port());
    }

    @AfterEach
    void tearDown() throws IOException {
        proxy.close();
        server.close();
    }

    private SftpTargetSpec spec() {
        return new SftpTargetSpec("127.0.0.1", proxy.port(), "/orders", null, "sftp-login", null,
                HostKeyTrust.fingerprint(hostKey.getPublic()));
    }

    private static CredentialValue login() {
        return new UsernamePassword(MinaSftpServer.USER, SecretValue.of(PASSWORD));
    }

    private SftpTarget target() throws IOException {
        return target(PATIENT_TIMEOUT);
    }

    private SftpTarget target(Duration timeout) throws IOException {
        return SftpTarget.open(spec(), dir, Optional.of(login()), timeout);
    }

    private static String read(SftpTarget target) throws IOException {
        try (InputStream in = target.open("orders-1/db.dump")) {
            return BackupTree.sha256(in.readAllBytes());
        }
    }

    @Test
    void aFileCutOffMidReadGoesOnWhereItStoppedAndHashesRight() throws Exception {
        try (SftpTarget target = target()) {
            proxy.inject(Fault.CUT, 400_000, 2);
            assertThat(read(target)).isEqualTo(BackupTree.sha256(CONTENT));
        }
        assertThat(proxy.faultsInjected()).isEqualTo(2);
    }

    @Test
    void aFileRewrittenBeforeItsReadResumesIsAnErrorNotAMixOfTwoVersions() throws Exception {
        Path file = dir.resolve("served/orders/orders-1/db.dump");
        FileTime written = Files.getLastModifiedTime(file);
        try (SftpTarget target = target()) {
            proxy.inject(Fault.CUT, 1_500_000, 1);
            try (InputStream in = target.open("orders-1/db.dump")) {
                assertThat(in.readNBytes(1000)).isEqualTo(Arrays.copyOf(CONTENT, 1000));
                // The nightly job writes the file again, at the same size, while it is read: the connection then
                // drops, and what the read would go on with is of the new version.
                byte[] rewritten = CONTENT.clone();
                Arrays.fill(rewritten, (byte) 7);
                Files.write(file, rewritten);
                Files.setLastModifiedTime(file, FileTime.from(written.toInstant().plusSeconds(60)));
                assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                        .hasMessageStartingWith("reading orders-1/db.dump cannot go on at byte ")
                        .hasMessageContaining("after the connection dropped: it changed while read (when the read "
                                + "began 3145728 bytes, modified " + written.toInstant().truncatedTo(ChronoUnit.SECONDS)
                                + "; now 3145728 bytes, modified "
                                + written.toInstant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(60));
            }
        }
        assertThat(proxy.faultsInjected()).isEqualTo(1);
    }

    @Test
    void aConnectionResetMidReadGoesOnWhereItStoppedAndHashesRight() throws Exception {
        try (SftpTarget target = target()) {
            proxy.inject(Fault.RESET, 700_000, 2);
            assertThat(read(target)).isEqualTo(BackupTree.sha256(CONTENT));
        }
        assertThat(proxy.faultsInjected()).isEqualTo(2);
    }

    @Test
    void slowConnectionsAreWaitedFor() throws Exception {
        proxy.delay(Duration.ofMillis(400));
        proxy.inject(Fault.DELAY, 0, Integer.MAX_VALUE);
        try (SftpTarget target = target()) {
            assertThat(read(target)).isEqualTo(BackupTree.sha256(CONTENT));
            proxy.dropConnections();
            assertThat(target.list("")).extracting(e -> e.path()).containsExactly("orders-1");
        }
        assertThat(proxy.faultsInjected()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFileCutOffAgainAndAgainGoesOnAsLongAsTheTriesGetFurther() throws Exception {
        // More cuts in one read than the 3 tries in a row a read may fail without progress, each made only after the
        // reader got further on the connection it resumed on. (A cut at a byte count cannot promise that: the client
        // drops its read-ahead when the connection ends, so whether a cut try delivered anything is a race.)
        int cuts = 0;
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        try (SftpTarget target = target(); InputStream in = target.open("orders-1/db.dump")) {
            int connections = proxy.connections();
            long sinceResumed = 0;
            byte[] buffer = new byte[16384];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
                if (proxy.connections() > connections) {
                    connections = proxy.connections();
                    sinceResumed = 0;
                }
                sinceResumed += n;
                if (sinceResumed >= 200_000 && cuts < 5) {
                    proxy.dropConnections();
                    cuts++;
                    sinceResumed = Long.MIN_VALUE;
                }
            }
        }
        assertThat(BackupTree.sha256(read.toByteArray())).isEqualTo(BackupTree.sha256(CONTENT));
        assertThat(cuts).isEqualTo(5);
    }

    /**
     * A read resumed right after a cut opens its channel on the old session while that session is still closing;
     * MINA refuses the channel with an IllegalStateException, which is a dropped connection like any other.
     */
    @Test
    void aChannelRefusedBecauseTheCutSessionIsClosingIsTriedAgainOnANewConnection() throws Exception {
        try (SftpTarget target = target()) {
            int[] attempts = {0};
            String read = target.retrying("read orders-1/conf/app.yml", client -> {
                if (attempts[0]++ == 0) {
                    client.getClientSession().close(true);
                    SftpClientFactory.instance().createSftpClient(client.getClientSession());
                }
                try (InputStream in = client.read("/orders/orders-1/conf/app.yml")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }, "orders-1/conf/app.yml", false);

            assertThat(read).isEqualTo("a: 1");
            assertThat(attempts[0]).isEqualTo(2);
        }
    }

    @Test
    void anIllegalStateOnAnOpenSessionIsNotTakenForADroppedConnection() throws Exception {
        try (SftpTarget target = target()) {
            assertThatThrownBy(() -> target.retrying("list", client -> {
                throw new IllegalStateException("a bug, not a fault");
            }, "", true)).isInstanceOf(IllegalStateException.class).hasMessage("a bug, not a fault");
        }
    }

    @Test
    void aFileCutOffTooOftenIsAnErrorAtTheLimitNeverAShortFile() throws Exception {
        try (SftpTarget target = target()) {
            // Ten tries of at most 200 kB each cannot carry the 3 MiB file: whatever each try delivers, the read ends
            // at one of the limits.
            proxy.inject(Fault.CUT, 200_000, Integer.MAX_VALUE);
            assertThatThrownBy(() -> read(target)).isInstanceOf(IOException.class)
                    .hasMessageContaining("db.dump")
                    .hasMessageMatching(".*failed after ([3-9]|10) attempts at byte \\d+ "
                            + "\\((3 tries in a row got no further|10 tries failed in all)\\).*");
        }
    }

    @Test
    void aConnectionDroppedAfterTheLastByteWasReadDoesNotMakeTheFileUnreadable() throws Exception {
        try (SftpTarget target = target()) {
            InputStream in = target.open("orders-1/db.dump");
            assertThat(BackupTree.sha256(in.readAllBytes())).isEqualTo(BackupTree.sha256(CONTENT));
            proxy.dropConnections();
            in.close();
        }
    }

    @Test
    void aConnectionLostForGoodMidFileIsAnErrorNamingTheFile() throws Exception {
        try (SftpTarget target = target(); InputStream in = target.open("orders-1/db.dump")) {
            in.readNBytes(1_000_000);
            proxy.inject(Fault.RESET, 0, Integer.MAX_VALUE);
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageContaining("db.dump").hasMessageContaining("after 3 attempts");
        }
    }

    @Test
    void aFileCutShortOnTheServerWhileReadIsAnErrorNotAShortFile() throws Exception {
        Path served = dir.resolve("served/orders/orders-1/db.dump");
        try (SftpTarget target = target(); InputStream in = target.open("orders-1/db.dump")) {
            in.readNBytes(100_000);
            try (var channel = java.nio.channels.FileChannel.open(served, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(2_000_000);
            }
            // The early end is a failed try; before the next, the file is found changed (an early end of a file
            // that did not change ends after the tries, as ResumingInputStreamTest pins).
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("reading orders-1/db.dump cannot go on at byte ")
                    .hasMessageContaining("it changed while read (when the read began 3145728 bytes, modified ")
                    .hasMessageContaining("; now 2000000 bytes, modified ");
        }
    }

    @Test
    void resetsOnEveryConnectionAreAnErrorNamingTheServer() throws Exception {
        try (SftpTarget target = target()) {
            proxy.inject(Fault.RESET, 0, Integer.MAX_VALUE);
            assertThatThrownBy(() -> target.list("")).isInstanceOf(IOException.class)
                    .hasMessageContaining("after 3 attempts").hasMessageContaining("127.0.0.1:" + proxy.port());
            assertThatThrownBy(this::target).isInstanceOf(IOException.class)
                    .hasMessageContaining("127.0.0.1:" + proxy.port());
        }
    }

    @Test
    void aStalledConnectionTimesOutAndIsAnErrorNotAHang() throws Exception {
        try (SftpTarget target = target(TIMEOUT); InputStream in = target.open("orders-1/db.dump")) {
            in.readNBytes(10_000);
            proxy.inject(Fault.STALL, 0, Integer.MAX_VALUE);
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageContaining("db.dump");
            assertThatThrownBy(() -> target.list("")).isInstanceOf(IOException.class)
                    .hasMessageContaining("after 3 attempts");
        }
    }

    @Test
    void theServerStoppedMidReadIsAnError() throws Exception {
        try (SftpTarget target = target(); InputStream in = target.open("orders-1/db.dump")) {
            in.readNBytes(10_000);
            server.close();
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageContaining("db.dump");
        }
    }

    @Test
    void throughTheVerifierFaultsNeverPass() throws Exception {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: sftp, host: 127.0.0.1, port: %d, path: /orders, credentialsId: sftp-login, hostKey: "%s" }
                    checks:
                      completeness: { required: [db.dump] }
                      integrity: { manifest: SHA256SUMS, sample: 100%% }
                """.formatted(proxy.port(), HostKeyTrust.fingerprint(hostKey.getPublic()));
        Verifier verifier = new Verifier(new CredentialedTargetOpener(dir,
                CredentialResolver.of(Map.of("sftp-login", login())),
                (spec, baseDir, credentials) -> SftpTarget.open((SftpTargetSpec) spec, baseDir, credentials,
                        PATIENT_TIMEOUT)));

        proxy.inject(Fault.CUT, 500_000, 2);
        CheckResult resumed = integrity(verifier.verify(Plans.parse(yaml, dir), VerifyOptions.defaults()));
        assertThat(resumed.status()).as(resumed + " " + resumed.findings()).isEqualTo(Status.PASS);
        assertThat(proxy.faultsInjected()).isEqualTo(2);

        proxy.inject(Fault.CUT, 200_000, Integer.MAX_VALUE);
        CheckResult cut = integrity(verifier.verify(Plans.parse(yaml, dir), VerifyOptions.defaults()));
        assertThat(cut.status()).as(cut.toString()).isEqualTo(Status.ERROR);
        assertThat(cut.findings()).anySatisfy(finding -> assertThat(finding.item() + " " + finding.message())
                .contains("db.dump").containsPattern("failed after ([3-9]|10) attempts at byte"));

        proxy.heal();
        server.close();
        RunResult gone = verifier.verify(Plans.parse(yaml, dir), VerifyOptions.defaults());
        assertThat(gone.sets().get(0).checks()).isNotEmpty()
                .allSatisfy(check -> assertThat(check.status()).as(check.toString()).isEqualTo(Status.ERROR));
        assertThat(new JsonReport().toString(gone)).doesNotContain(PASSWORD);
    }

    private static CheckResult integrity(RunResult result) {
        return result.sets().get(0).checks().stream().filter(c -> c.id().equals("integrity")).findFirst()
                .orElseThrow();
    }
}
