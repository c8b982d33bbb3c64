package io.backupverify.engine.target.sftp;

import static io.backupverify.engine.testing.SetResults.messages;
import static io.backupverify.engine.testing.SetResults.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.credentials.UsernamePassword;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.testing.BackupTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SFTP target against a real Apache MINA SSHD server on a loopback port, through the whole verifier. */
class SftpTargetTest {
    private static final List<String> ALL_HOST_KEYS = List.of("ecdsa-sha2-nistp256", "ssh-rsa", "ssh-ed25519");
    private static final String CANARY = "canary-Pw-7f3a9c1e";

    @TempDir
    static Path keys;
    private static List<java.security.KeyPair> hostKeys;
    private static SshKeys.Generated clientKey;

    @TempDir
    Path dir;
    private Path served;
    private MinaSftpServer server;

    @BeforeAll
    static void makeKeys() throws Exception {
        hostKeys = MinaSftpServer.generateAll(ALL_HOST_KEYS);
        clientKey = SshKeys.generate(keys, "ed25519", CANARY + "-passphrase");
    }

    @BeforeEach
    void setUp() throws Exception {
        served = Files.createDirectories(dir.resolve("served"));
        Instant taken = Instant.now().minus(2, ChronoUnit.HOURS);
        BackupTree tree = new BackupTree(served.resolve("orders"));
        tree.backup("orders-1", taken.minus(1, ChronoUnit.DAYS), "db.dump", "yesterday's rows", "conf/app.yml", "a");
        tree.backup("orders-2", taken, "db.dump", "today's rows, a few more", "conf/app.yml", "a: 1");
        server = new MinaSftpServer(served, hostKeys, clientKey.publicKey(), CANARY);
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
    }

    private String plan(String trust, String credentialsId) {
        return """
                backupSets:
                  - name: orders
                    target: { type: sftp, host: 127.0.0.1, port: %d, path: /orders, credentialsId: %s, %s }
                    checks:
                      freshness:    { maxAge: 26h }
                      completeness: { required: [db.dump], minFiles: 2 }
                      integrity:    { manifest: SHA256SUMS, sample: 100%% }
                      capacity:     { quota: 1GB }
                """.formatted(server.port(), credentialsId, trust);
    }

    private String pinned(String type) {
        return "hostKey: \"" + HostKeyTrust.fingerprint(server.hostKey(type)) + "\"";
    }

    private SetResult run(String yaml, Map<String, CredentialValue> credentials) throws Exception {
        RunResult result = runAll(yaml, credentials);
        return result.sets().get(0);
    }

    private RunResult runAll(String yaml, Map<String, CredentialValue> credentials) throws Exception {
        var plan = new PlanParser().parse(yaml, "plan.yaml", dir);
        return new Verifier(new CredentialedTargetOpener(dir, CredentialResolver.of(credentials)))
                .verify(plan, VerifyOptions.defaults().withRunNumber(1));
    }

    @Test
    void everyCheckPassesOverSftpWithAnEd25519KeyAndAPinnedHostKey() throws Exception {
        SetResult set = run(plan(pinned("ssh-ed25519"), "ssh"), Map.of("ssh", clientKey.credentials("backup")));

        assertThat(statuses(set)).as(messages(set)).containsOnly(
                Map.entry("freshness", Status.PASS), Map.entry("completeness", Status.PASS),
                Map.entry("integrity", Status.PASS), Map.entry("capacity", Status.PASS));
        assertThat(set.backupCount()).isEqualTo(2);
        assertThat(set.target()).isEqualTo("sftp://backup@127.0.0.1:" + server.port() + "/orders");
    }

    @Test
    void aFlippedByteOnTheServerFailsIntegrity() throws Exception {
        Path dump = served.resolve("orders/orders-2/db.dump");
        byte[] bytes = Files.readAllBytes(dump);
        bytes[3] ^= 0x01;
        Files.write(dump, bytes);

        SetResult set = run(plan(pinned("ssh-ed25519"), "ssh"), Map.of("ssh", clientKey.credentials("backup")));

        assertThat(statuses(set)).as(messages(set)).containsEntry("integrity", Status.FAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"})
    void aKnownHostsFileWithOneOfTheServersKeyTypesIsEnough(String type) throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "other.example.com ssh-ed25519 "
                + "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n"
                + SshKeys.knownHostsLine("127.0.0.1", server.port(), server.hostKey(type)) + "\n");

        SetResult set = run(plan("knownHosts: known_hosts", "ssh"), Map.of("ssh", clientKey.credentials("backup")));

        assertThat(statuses(set)).as(messages(set)).containsEntry("integrity", Status.PASS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"})
    void aPinnedKeyOfAnyTypeTheServerOffersIsFound(String type) throws Exception {
        SetResult set = run(plan(pinned(type), "ssh"), Map.of("ssh", clientKey.credentials("backup")));

        assertThat(statuses(set)).as(messages(set)).containsEntry("freshness", Status.PASS);
    }

    @Test
    void anUnknownHostIsAnErrorNamingTheHostAndEveryFingerprintOffered() throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:1 " + "ssh-ed25519 "
                + "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n");

        SetResult set = run(plan("knownHosts: known_hosts", "ssh"), Map.of("ssh", clientKey.credentials("backup")));

        assertThat(set.checks()).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.ERROR));
        String message = set.checks().get(0).summary();
        assertThat(message).contains("127.0.0.1:" + server.port()).contains("is unknown");
        for (String type : ALL_HOST_KEYS) {
            assertThat(message).contains(HostKeyTrust.fingerprint(server.hostKey(type)));
        }
    }

    @Test
    void aChangedHostKeyIsAnErrorSayingSo() throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        var impostor = MinaSftpServer.generate("ssh-ed25519").getPublic();
        Files.writeString(knownHosts, SshKeys.knownHostsLine("127.0.0.1", server.port(), impostor) + "\n");

        SetResult set = run(plan("knownHosts: known_hosts", "ssh"), Map.of("ssh", clientKey.credentials("backup")));

        assertThat(statuses(set).values()).containsOnly(Status.ERROR);
        assertThat(set.checks().get(0).summary()).contains("has CHANGED")
                .contains(HostKeyTrust.fingerprint(server.hostKey("ssh-ed25519")));
    }

    @Test
    void aWrongPinnedFingerprintIsAnError() throws Exception {
        SetResult set = run(plan("hostKey: \"SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"", "ssh"),
                Map.of("ssh", clientKey.credentials("backup")));

        assertThat(statuses(set).values()).containsOnly(Status.ERROR);
        assertThat(set.checks().get(0).summary()).contains("does not match the pinned hostKey");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecdsa", "rsa", "rsa-pem"})
    void ecdsaAndRsaKeysLogIn(String kind) throws Exception {
        server.close();
        SshKeys.Generated key = kind.equals("rsa-pem") ? SshKeys.generate(dir, "rsa", "", "-m", "PEM")
                : SshKeys.generate(dir, kind, "");
        server = new MinaSftpServer(served, hostKeys, key.publicKey(), null);

        SetResult set = run(plan(pinned("ssh-rsa"), "ssh"), Map.of("ssh", key.credentials("backup")));

        assertThat(statuses(set)).as(messages(set)).containsEntry("integrity", Status.PASS);
    }

    @Test
    void aPasswordLogsInAndAWrongOneIsAnErrorThatNeverShowsTheSecret() throws Exception {
        SetResult good = run(plan(pinned("ssh-ed25519"), "pw"),
                Map.of("pw", new UsernamePassword("backup", SecretValue.of(CANARY))));
        assertThat(statuses(good)).as(messages(good)).containsEntry("integrity", Status.PASS);

        RunResult bad = runAll(plan(pinned("ssh-ed25519"), "pw"),
                Map.of("pw", new UsernamePassword("backup", SecretValue.of(CANARY + "-wrong"))));
        SetResult set = bad.sets().get(0);
        assertThat(statuses(set).values()).containsOnly(Status.ERROR);
        assertThat(set.checks().get(0).summary()).contains("refused the login of user 'backup'")
                .contains("credentials 'pw'");
        assertThat(new JsonReport().toString(bad)).doesNotContain(CANARY);
    }

    @Test
    void aWrongPassphraseIsAnErrorThatNeverShowsTheSecret() throws Exception {
        var wrong = new io.backupverify.engine.credentials.SshPrivateKey("backup",
                SecretValue.ofBytes(Files.readAllBytes(clientKey.file())), SecretValue.of(CANARY + "-nope"));

        RunResult result = runAll(plan(pinned("ssh-ed25519"), "ssh"), Map.of("ssh", wrong));

        SetResult set = result.sets().get(0);
        assertThat(statuses(set).values()).containsOnly(Status.ERROR);
        assertThat(set.checks().get(0).summary()).contains("credentials 'ssh'").contains("passphrase");
        assertThat(new JsonReport().toString(result)).doesNotContain(CANARY);
    }

    @Test
    void credentialsOfAnotherKindAreAnErrorNamingTheId() throws Exception {
        SetResult set = run(plan(pinned("ssh-ed25519"), "token"),
                Map.of("token", new io.backupverify.engine.credentials.SecretText(SecretValue.of(CANARY))));

        assertThat(set.checks().get(0).summary()).contains("credentials 'token' are secret text");
    }

    @Test
    void aReadCutByADroppedConnectionResumesWhereItStopped() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        new java.util.Random(7).nextBytes(big);
        Files.write(served.resolve("orders/orders-2/big.bin"), big);
        var spec = new io.backupverify.engine.plan.SftpTargetSpec("127.0.0.1", server.port(), "/orders", null,
                "ssh", null, HostKeyTrust.fingerprint(server.hostKey("ssh-ed25519")));
        try (SftpTarget target = SftpTarget.open(spec, dir, java.util.Optional.of(clientKey.credentials("backup")));
                InputStream in = target.open("orders-2/big.bin")) {
            byte[] first = in.readNBytes(100_000);
            server.dropConnections();
            byte[] rest = in.readAllBytes();
            byte[] all = new byte[first.length + rest.length];
            System.arraycopy(first, 0, all, 0, first.length);
            System.arraycopy(rest, 0, all, first.length, rest.length);
            assertThat(all).isEqualTo(big);
        }
    }

    /**
     * The nightly job writes over the newest dump in place while integrity reads it over SFTP, after the part it
     * writes was read: the bytes read still match the manifest, but they are of no one version of the file. The
     * file's size and modification time after the read differ from its listing's: an ERROR "changed while read",
     * never a PASS (nor a FAIL of the backup). The rewrite lands once the reader has reported its first 16 MiB.
     */
    @Test
    void aFileWrittenOverWhileReadIsAnErrorNotAPass() throws Exception {
        Path backup = served.resolve("orders/orders-2");
        byte[] big = new byte[20 << 20];
        new java.util.Random(11).nextBytes(big);
        Path dump = replaceDump(backup, big);
        Instant listed = Instant.parse("2026-11-25T02:00:00Z");
        Files.setLastModifiedTime(dump, java.nio.file.attribute.FileTime.from(listed));
        java.util.concurrent.atomic.AtomicBoolean rewritten = new java.util.concurrent.atomic.AtomicBoolean();
        io.backupverify.engine.check.Progress progress = new io.backupverify.engine.check.Progress() {
            @Override
            public void advance(long files, long bytes) {
                if (bytes > 0 && rewritten.compareAndSet(false, true)) {
                    io.backupverify.engine.testing.InPlaceRewrite.at(dump, 0, 4096);
                }
            }
        };
        var plan = new PlanParser().parse(plan(pinned("ssh-ed25519"), "ssh"), "plan.yaml", dir);

        SetResult set = new Verifier(new CredentialedTargetOpener(dir, CredentialResolver.of(
                Map.of("ssh", clientKey.credentials("backup"))))).verify(plan, VerifyOptions.defaults()
                .withRunNumber(1).withThreads(1).withProgress(progress)).sets().get(0);

        assertThat(rewritten).isTrue();
        assertThat(statuses(set)).as(messages(set)).containsEntry("integrity", Status.ERROR);
        var integrity = set.checks().stream().filter(c -> c.id().equals("integrity")).findFirst().orElseThrow();
        assertThat(integrity.findings()).as(messages(set)).singleElement().satisfies(finding -> {
            assertThat(finding.item()).isEqualTo("orders-2/db.dump");
            assertThat(finding.severity()).isEqualTo(Status.ERROR);
            assertThat(finding.message()).startsWith("changed while read (when listed " + big.length
                    + " bytes, modified 2026-11-25T02:00:00Z; after the read " + big.length + " bytes, modified ")
                    .contains("is the backup still being written?");
        });
        assertThat(integrity.metrics()).containsEntry("verifiedFiles", 1L).containsEntry("unreadableFiles", 1L)
                .containsEntry("changedFiles", 0L);
    }

    /** Writes a new db.dump into a backup folder, and its line in the manifest. */
    private static Path replaceDump(Path backup, byte[] content) throws IOException {
        Path dump = backup.resolve("db.dump");
        Files.write(dump, content);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(backup.resolve("SHA256SUMS")));
        lines.removeIf(line -> line.endsWith("  db.dump"));
        lines.add(BackupTree.sha256(content) + "  db.dump");
        Files.write(backup.resolve("SHA256SUMS"), lines);
        return dump;
    }

    /** A file that stays as listed is read and passes, asked once after its read. */
    @Test
    void aLargeFileThatStaysAsListedPassesAfterItsRead() throws Exception {
        Path backup = served.resolve("orders/orders-2");
        byte[] big = new byte[3 << 20];
        new java.util.Random(12).nextBytes(big);
        replaceDump(backup, big);

        SetResult set = run(plan(pinned("ssh-ed25519"), "ssh"), Map.of("ssh", clientKey.credentials("backup")));

        assertThat(statuses(set)).as(messages(set)).containsEntry("integrity", Status.PASS);
    }

    @Test
    void aServerThatIsGoneMidRunMakesTheChecksErrorInsteadOfPassingOrHanging() throws Exception {
        var spec = new io.backupverify.engine.plan.SftpTargetSpec("127.0.0.1", server.port(), "/orders", null,
                "ssh", null, HostKeyTrust.fingerprint(server.hostKey("ssh-ed25519")));
        try (SftpTarget target = SftpTarget.open(spec, dir, java.util.Optional.of(clientKey.credentials("backup")))) {
            assertThat(target.list("")).hasSize(2);
            server.close();
            long start = System.nanoTime();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> target.list(""))
                    .isInstanceOf(IOException.class).hasMessageContaining("after 3 attempts")
                    .hasMessageContaining("127.0.0.1:" + server.port());
            assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
        }
    }

    @Test
    void symbolicLinksAreListedNotFollowed() throws Exception {
        Files.createSymbolicLink(served.resolve("orders/orders-2/escape"), Path.of("/etc"));
        var spec = new io.backupverify.engine.plan.SftpTargetSpec("127.0.0.1", server.port(), "/orders", null,
                "ssh", null, HostKeyTrust.fingerprint(server.hostKey("ssh-ed25519")));
        try (SftpTarget target = SftpTarget.open(spec, dir, java.util.Optional.of(clientKey.credentials("backup")))) {
            var link = target.stat("orders-2/escape").orElseThrow();
            assertThat(link.type()).isEqualTo(io.backupverify.engine.target.EntryType.SYMLINK);
            assertThat(link.linkInsideRoot()).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> target.open("orders-2/escape"))
                    .hasMessageContaining("symbolic link");
            assertThat(target.stat("orders-2/none")).isEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> target.list("nothing"))
                    .isInstanceOf(java.nio.file.NoSuchFileException.class);
        }
    }
}
