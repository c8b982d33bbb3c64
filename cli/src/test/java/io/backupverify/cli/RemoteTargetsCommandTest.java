package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import io.backupverify.testservers.Azurite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup-verify verify} with the credentials file on the remote targets besides S3 ({@link S3CommandTest}):
 * an SFTP server (Apache MINA SSHD), Azure Blob Storage (Azurite) and a restic repository, each with a canary
 * secret that never reaches the output or the report.
 */
class RemoteTargetsCommandTest {
    private static final String DUMP = "orders dump from the command line\n".repeat(200);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Runs the plan with the credentials; PASS, and the secret in neither the output nor the report. */
    private String verifies(String plan, String credentials, String secret) throws Exception {
        Path report = dir.resolve("report.json");
        CommandRunner result = CommandRunner.run("verify", write("plan.yaml", plan).toString(), "--credentials",
                write("credentials.yaml", credentials).toString(), "--json", report.toString(), "--no-progress");
        String json = Files.readString(report);
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out() + result.err() + json).doesNotContain(secret);
        return json;
    }

    @Test
    void verifiesAnSftpTargetWithAPasswordFromTheCredentialsFile() throws Exception {
        String password = "cli-sftp-canary-Pw-2e9d";
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Path backup = Files.createDirectories(dir.resolve("served/orders/" + today));
        Files.writeString(backup.resolve("db.dump"), DUMP);
        Files.writeString(backup.resolve("SHA256SUMS"), sha256(DUMP) + "  db.dump\n");
        KeyPair hostKey = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setFileSystemFactory(new VirtualFileSystemFactory(dir.resolve("served")));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setPasswordAuthenticator((user, given, session) -> "backup".equals(user) && password.equals(given));
        server.start();
        try {
            String json = verifies("""
                    backupSets:
                      - name: orders
                        target: { type: sftp, host: 127.0.0.1, port: %d, path: /orders, hostKey: "%s", credentialsId: sftp-login }
                        layout: { namePattern: "{yyyy-MM-dd}" }
                        checks:
                          freshness: { maxAge: 26h }
                          integrity: { manifest: SHA256SUMS }
                    """.formatted(server.getPort(), KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKey.getPublic())),
                    "sftp-login: { kind: username-password, username: backup, password: \"" + password + "\" }\n",
                    password);
            assertThat(json).contains("sftp://backup@127.0.0.1:" + server.getPort());
        } finally {
            server.stop(true);
        }
    }

    @Test
    void verifiesAnAzureTargetWithAnAccountKeyStoredAsSecretText() throws Exception {
        assumeTrue(Azurite.available(), "needs azurite (npm install -g azurite)");
        String account = "cliaccount";
        String key = java.util.Base64.getEncoder().encodeToString(
                "cli-azure-canary-key-4c0a7e91".getBytes(StandardCharsets.UTF_8));
        try (Azurite azurite = new Azurite(Files.createDirectories(dir.resolve("azurite")), account, key)) {
            String endpoint = azurite.endpoint();
            BlobContainerClient container = new BlobServiceClientBuilder().connectionString(
                    azurite.connectionString()).buildClient().createBlobContainer("orders");
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            container.getBlobClient("nightly/" + today + "/db.dump").upload(BinaryData.fromString(DUMP), true);
            container.getBlobClient("nightly/" + today + "/SHA256SUMS").upload(
                    BinaryData.fromString(sha256(DUMP) + "  db.dump\n"), true);

            String json = verifies("""
                    backupSets:
                      - name: orders
                        target: { type: azure, account: %s, container: orders, prefix: nightly/, endpoint: "%s", credentialsId: az }
                        layout: { namePattern: "{yyyy-MM-dd}" }
                        checks:
                          freshness: { maxAge: 26h }
                          integrity: { manifest: SHA256SUMS }
                    """.formatted(account, endpoint), "az: { kind: secret-text, secret: \"" + key + "\" }\n", key);
            assertThat(json).contains("azure://" + account + "/orders/nightly/").contains("plain HTTP");
        }
    }

    @Test
    void verifiesAResticRepositoryWithItsPasswordFromTheCredentialsFile() throws Exception {
        assumeTrue(onPath("restic"), "needs restic");
        String password = "cli-restic-canary-5f1b";
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("db.dump"), DUMP);
        Path repository = dir.resolve("repo");
        restic(password, "init", "--repo", repository.toString());
        restic(password, "backup", "--repo", repository.toString(), "--host", "db1", "--tag", "orders",
                data.toString());

        String json = verifies("""
                backupSets:
                  - name: orders
                    target: { type: restic, repository: "%s", passwordCredentialsId: restic-pw, snapshots: { host: db1, tags: [orders] } }
                    checks:
                      freshness: { maxAge: 26h }
                      completeness: { required: [db.dump] }
                      integrity: { sample: 100%% }
                """.formatted(repository), "restic-pw: { kind: secret-text, secret: \"" + password + "\" }\n",
                password);
        assertThat(json).contains("restic:" + repository);
    }

    private static void restic(String password, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("restic", "--quiet"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("RESTIC_PASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
