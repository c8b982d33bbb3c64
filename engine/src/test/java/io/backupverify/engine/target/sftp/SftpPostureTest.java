package io.backupverify.engine.target.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.testing.BackupTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access and encryption in transit over SFTP, against a real MINA SSHD server serving real files and modes. */
class SftpPostureTest {
    private static final String CANARY = "posture-Pw-4410";

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
        hostKeys = MinaSftpServer.generateAll(List.of("ssh-ed25519"));
        clientKey = SshKeys.generate(keys, "ed25519", CANARY + "-passphrase");
    }

    @BeforeEach
    void setUp() throws Exception {
        served = Files.createDirectories(dir.resolve("served"));
        Path backup = new BackupTree(served.resolve("orders")).backup("orders-2",
                Instant.now().minus(2, ChronoUnit.HOURS), "db.dump", "rows", "notes.txt", "n");
        for (Path folder : List.of(served.resolve("orders"), backup)) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-x--x"));
        }
        for (String file : List.of("db.dump", "notes.txt", "SHA256SUMS")) {
            Files.setPosixFilePermissions(backup.resolve(file), PosixFilePermissions.fromString("rw-r-----"));
        }
        Files.setPosixFilePermissions(backup.resolve("db.dump"), PosixFilePermissions.fromString("rw-r--r--"));
        server = new MinaSftpServer(served, hostKeys, clientKey.publicKey(), CANARY);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private List<CheckResult> run(String checks) throws Exception {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: sftp, host: 127.0.0.1, port: %d, path: /orders, credentialsId: ssh,
                              hostKey: "%s" }
                    checks:
                %s
                """.formatted(server.port(), HostKeyTrust.fingerprint(server.hostKey("ssh-ed25519")),
                checks.indent(6));
        RunResult run = new Verifier(new CredentialedTargetOpener(dir, CredentialResolver.of(Map.of("ssh",
                clientKey.credentials("backup"))))).verify(new PlanParser().parse(yaml, "plan.yaml", dir),
                VerifyOptions.defaults().withRunNumber(1));
        return run.sets().get(0).checks();
    }

    @Test
    void aFileOthersCanReadOnTheServerIsNamedWithItsOwnerAsLsShowsIt() throws Exception {
        String owner = Files.getOwner(served).getName();
        CheckResult access = run("access: { worldReadable: forbid, owner: " + owner + " }").get(0);
        assertThat(access.status()).as(access.findings().toString()).isEqualTo(Status.FAIL);
        assertThat(access.findings()).extracting(Finding::item).containsExactly("orders-2/db.dump");
        assertThat(access.findings().get(0).message()).isEqualTo("readable by anyone (rw-r--r--)");
        assertThat((List<?>) access.metrics().get("owners")).allMatch(o -> o.toString().startsWith(owner + ":"));

        CheckResult other = run("access: { owner: someone-else }").get(0);
        assertThat(other.findings()).extracting(Finding::message)
                .contains("owned by " + owner + ", expected someone-else");
    }

    @Test
    void sftpIsEncryptedInTransitAndPlaintextAtRestIsNamed() throws Exception {
        CheckResult encryption = run("encryption: { atRest: required, inTransit: required }").get(0);
        assertThat(encryption.status()).isEqualTo(Status.FAIL);
        assertThat(encryption.findings()).extracting(Finding::item)
                .containsExactlyInAnyOrder("orders-2/db.dump", "orders-2/notes.txt");
        assertThat(encryption.metrics().get("transport").toString()).startsWith("ssh (SSH to 127.0.0.1:");
        assertThat(encryption.toString() + encryption.findings()).doesNotContain(CANARY);
    }

    @Test
    void anSftpServerCannotEnforceImmutability() throws Exception {
        CheckResult immutability = run("immutability: { required: true }").get(0);
        assertThat(immutability.status()).isEqualTo(Status.ERROR);
        assertThat(immutability.findings().get(0).message()).contains("cannot be enforced here");
    }
}
