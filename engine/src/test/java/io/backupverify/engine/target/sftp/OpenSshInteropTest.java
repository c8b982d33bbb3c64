package io.backupverify.engine.target.sftp;

import static io.backupverify.engine.testing.SetResults.messages;
import static io.backupverify.engine.testing.SetResults.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.testing.BackupTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SFTP target against Debian's OpenSSH server (run as nobody on a loopback port), with known_hosts written by
 * the real ssh-keyscan and keys made by the real ssh-keygen.
 */
class OpenSshInteropTest {
    @TempDir
    static Path home;
    private static OpenSshServer server;
    private static SshKeys.Generated ed25519;
    private static SshKeys.Generated rsa;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(OpenSshServer.available(), "needs /usr/sbin/sshd (openssh-server) and root");
        Instant taken = Instant.now().minus(3, ChronoUnit.HOURS);
        BackupTree tree = new BackupTree(home.resolve("data/orders"));
        tree.backup("orders-1", taken.minus(1, ChronoUnit.DAYS), "db.dump", "rows one", "etc/app.conf", "x=1");
        tree.backup("orders-2", taken, "db.dump", "rows one and two", "etc/app.conf", "x=2");
        ed25519 = SshKeys.generate(home, "ed25519", "");
        rsa = SshKeys.generate(home, "rsa", "", "-m", "PEM");
        server = new OpenSshServer(home.resolve("sshd"), Files.readString(Path.of(ed25519.file() + ".pub"))
                + Files.readString(Path.of(rsa.file() + ".pub")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private SetResult run(String trust, CredentialValue login) throws Exception {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: sftp, host: 127.0.0.1, port: %d, path: %s, credentialsId: ssh, %s }
                    checks:
                      freshness:    { maxAge: 26h }
                      completeness: { required: [db.dump, etc/app.conf] }
                      integrity:    { manifest: SHA256SUMS, sample: 100%% }
                      capacity:     {}
                """.formatted(server.port(), home.resolve("data/orders"), trust);
        var plan = new PlanParser().parse(yaml, "plan.yaml", home);
        return new Verifier(new CredentialedTargetOpener(home, CredentialResolver.of(Map.of("ssh", login))))
                .verify(plan, VerifyOptions.defaults().withRunNumber(1)).sets().get(0);
    }

    @Test
    void everyCheckRunsWithKnownHostsFromSshKeyscan() throws Exception {
        Path knownHosts = home.resolve("known_hosts");
        Files.writeString(knownHosts, OpenSshServer.run("ssh-keyscan", "-p", String.valueOf(server.port()),
                "127.0.0.1"));

        SetResult set = run("knownHosts: " + knownHosts, ed25519.credentials(OpenSshServer.USER));

        assertThat(statuses(set)).as(messages(set)).containsEntry("freshness", Status.PASS)
                .containsEntry("completeness", Status.PASS).containsEntry("integrity", Status.PASS);
        // No quota: the size comes from the server's statvfs extension, so capacity runs rather than ERRORs.
        assertThat(statuses(set).get("capacity")).as(messages(set)).isNotEqualTo(Status.ERROR);
    }

    @Test
    void aHashedKnownHostsFileWithOnlyTheRsaKeyIsEnough() throws Exception {
        Path knownHosts = home.resolve("known_hosts_rsa");
        Files.writeString(knownHosts, OpenSshServer.run("ssh-keyscan", "-H", "-t", "rsa", "-p",
                String.valueOf(server.port()), "127.0.0.1"));

        SetResult set = run("knownHosts: " + knownHosts, rsa.credentials(OpenSshServer.USER));

        assertThat(statuses(set)).as(messages(set)).containsEntry("integrity", Status.PASS);
    }

    @Test
    void aFingerprintFromSshKeygenPinsTheServer() throws Exception {
        String fingerprint = OpenSshServer.run("ssh-keygen", "-lf", server.hostKey("ecdsa") + ".pub").split(" ")[1];

        SetResult set = run("hostKey: \"" + fingerprint + "\"", ed25519.credentials(OpenSshServer.USER));

        assertThat(statuses(set)).as(messages(set)).containsEntry("integrity", Status.PASS);
    }

    @Test
    void aKnownHostsFileForAnotherServerIsAnErrorNamingTheFingerprint() throws Exception {
        Path knownHosts = home.resolve("known_hosts_other");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " "
                + Files.readString(Path.of(ed25519.file() + ".pub")));

        SetResult set = run("knownHosts: " + knownHosts, ed25519.credentials(OpenSshServer.USER));

        assertThat(statuses(set).values()).containsOnly(Status.ERROR);
        String fingerprint = OpenSshServer.run("ssh-keygen", "-lf", server.hostKey("ed25519") + ".pub")
                .split(" ")[1];
        assertThat(set.checks().get(0).summary()).contains("has CHANGED").contains(fingerprint);
    }
}
