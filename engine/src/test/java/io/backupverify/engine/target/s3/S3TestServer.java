package io.backupverify.engine.target.s3;

import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A real S3 server for tests: S3Proxy on loopback over its filesystem store, which keeps objects as plain files. */
public final class S3TestServer implements AutoCloseable {
    public static final String IDENTITY = "test-access-key";
    public static final String CREDENTIAL = "test-secret-Key-canary-91c2";

    private final S3Proxy proxy;
    private final Path baseDir;
    private final S3Client client;

    public S3TestServer(Path baseDir) throws Exception {
        this.baseDir = baseDir;
        proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(baseDir.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, CREDENTIAL)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        client = S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY,
                        CREDENTIAL)))
                .build();
    }

    int port() {
        return proxy.getPort();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** A new bucket for a restic repository, as restic names it: {@code s3:http://127.0.0.1:PORT/bucket}. */
    public String resticRepository(String bucket) {
        createBucket(bucket);
        return "s3:http://127.0.0.1:" + port() + "/" + bucket;
    }

    /** The variables restic reads this server's keys from. */
    public static java.util.Map<String, String> resticEnvironment() {
        return java.util.Map.of("AWS_ACCESS_KEY_ID", IDENTITY, "AWS_SECRET_ACCESS_KEY", CREDENTIAL);
    }

    public void createBucket(String bucket) {
        client.createBucket(request -> request.bucket(bucket));
    }

    /** Uploads an object in one part; with {@code sha256} the store keeps its x-amz-checksum-sha256. */
    public void put(String bucket, String key, byte[] content, byte[] sha256) {
        client.putObject(request -> {
            request.bucket(bucket).key(key);
            if (sha256 != null) {
                request.checksumSHA256(Base64.getEncoder().encodeToString(sha256));
            }
        }, RequestBody.fromBytes(content));
    }

    /** Where the filesystem store keeps an object's bytes, to corrupt it behind the server's back. */
    Path file(String bucket, String key) {
        return baseDir.resolve(bucket).resolve(key);
    }

    void stop() throws Exception {
        proxy.stop();
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
    }
}
