package io.backupverify.engine.target.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.backupverify.engine.plan.S3TargetSpec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Which region a target without one signs with, and that a store at its own endpoint never asks EC2's metadata. */
class S3RegionTest {
    private static final String METADATA_ENDPOINT = "aws.ec2MetadataServiceEndpoint";
    private final AtomicInteger metadataRequests = new AtomicInteger();
    private HttpServer metadata;
    private String before;

    @BeforeEach
    void startMetadataService() throws Exception {
        metadata = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        metadata.createContext("/", exchange -> {
            metadataRequests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        metadata.start();
        before = System.getProperty(METADATA_ENDPOINT);
        System.setProperty(METADATA_ENDPOINT, "http://127.0.0.1:" + metadata.getAddress().getPort());
    }

    @AfterEach
    void stopMetadataService() {
        if (before == null) {
            System.clearProperty(METADATA_ENDPOINT);
        } else {
            System.setProperty(METADATA_ENDPOINT, before);
        }
        metadata.stop(0);
    }

    @Test
    void theRegionThePlanGivesIsUsed() {
        assertThat(S3Targets.region(spec("eu-west-1", "http://127.0.0.1:9000"))).isEqualTo(Region.EU_WEST_1);
        assertThat(metadataRequests).hasValue(0);
    }

    @Test
    void aStoreAtItsOwnEndpointWithoutRegionNeverAsksTheInstanceMetadataService() {
        Region region = S3Targets.region(spec(null, "http://127.0.0.1:9000"));

        assertThat(metadataRequests).hasValue(0);
        String environment = System.getenv("AWS_REGION");
        assertThat(region).isEqualTo(environment == null || environment.isBlank() ? Region.US_EAST_1
                : Region.of(environment));
    }

    @Test
    void onAwsWithoutRegionTheSdkChainMayAskTheInstanceMetadataService() {
        Region region = S3Targets.region(spec(null, null));

        assertThat(region).isNotNull();
        if (System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null
                && System.getenv("AWS_CONFIG_FILE") == null && System.getenv("AWS_PROFILE") == null
                && !Files.exists(Path.of(System.getProperty("user.home"), ".aws", "config"))) {
            assertThat(metadataRequests).as("the test's metadata service is the one the SDK asks").hasPositiveValue();
        }
    }

    private static S3TargetSpec spec(String region, String endpoint) {
        return new S3TargetSpec("bucket", "", region, endpoint, true, null);
    }
}
