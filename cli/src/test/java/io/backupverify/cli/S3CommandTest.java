package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code backup-verify verify} on an S3 target, with the credentials file, against a real S3 server. */
class S3CommandTest {
    private static final String IDENTITY = "cli-access-key";
    private static final String SECRET = "cli-canary-secret-3b7d0e";

    @TempDir
    static Path storage;
    private static S3Proxy proxy;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(storage.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, SECRET).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        try (S3Client client = S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(IDENTITY, SECRET))).build()) {
            client.createBucket(request -> request.bucket("cli-backups"));
            byte[] dump = "orders dump\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
            String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dump));
            client.putObject(request -> request.bucket("cli-backups").key("orders/2026-11-29/db.dump"),
                    RequestBody.fromBytes(dump));
            client.putObject(request -> request.bucket("cli-backups").key("orders/2026-11-29/SHA256SUMS"),
                    RequestBody.fromString(sum + "  db.dump\n"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.stop();
    }

    static URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private Path plan() throws Exception {
        return write("plan.yaml", """
                backupSets:
                  - name: orders
                    target: { type: s3, bucket: cli-backups, prefix: orders/, region: us-east-1, endpoint: "%s", pathStyle: true, credentialsId: s3-reader }
                    layout: { namePattern: "{yyyy-MM-dd}" }
                    checks:
                      completeness: { required: [db.dump] }
                      integrity: { manifest: SHA256SUMS }
                """.formatted(endpoint()));
    }

    @Test
    void verifiesAnS3TargetWithTheCredentialsFile() throws Exception {
        Path credentials = write("credentials.yaml",
                "s3-reader: { kind: aws, accessKeyId: " + IDENTITY + ", secretAccessKey: " + SECRET + " }\n");
        Path report = dir.resolve("report.json");

        CommandRunner result = CommandRunner.run("verify", plan().toString(), "--credentials", credentials.toString(),
                "--json", report.toString(), "--no-progress");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(Files.readString(report)).contains("s3://cli-backups/orders/").contains("plain HTTP")
                .contains("1 of 1 listed files verified");
        assertThat(result.out() + result.err() + Files.readString(report)).doesNotContain(SECRET);
    }

    @Test
    void aRefusedSecretIsAnErrorNamingTheStoresAnswerButNeverTheSecret() throws Exception {
        String canary = "canary-wrong-secret-8c1f";
        Path credentials = write("credentials.yaml",
                "s3-reader: { kind: aws, accessKeyId: " + IDENTITY + ", secretAccessKey: " + canary + " }\n");
        Path report = dir.resolve("report.json");
        Path html = dir.resolve("report.html");
        Path junit = dir.resolve("junit.xml");

        CommandRunner result = CommandRunner.run("verify", plan().toString(), "--credentials", credentials.toString(),
                "--json", report.toString(), "--html", html.toString(), "--junit", junit.toString(), "--no-progress");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).contains("403");
        String everything = result.out() + result.err() + Files.readString(report) + Files.readString(html)
                + Files.readString(junit);
        assertThat(everything).doesNotContain(canary).doesNotContain(SECRET);
    }
}
