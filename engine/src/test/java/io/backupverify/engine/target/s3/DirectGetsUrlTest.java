package io.backupverify.engine.target.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3Utilities;

/**
 * The bucket URL worked out for path-style stores at their own endpoints ({@link DirectGets#pathStyleBase}) is the
 * one the SDK's endpoint rules give, for every endpoint shape it is taken for; the others are left to the SDK.
 */
class DirectGetsUrlTest {
    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:9000, backups",
        "http://127.0.0.1:9000/, backups",
        "https://minio.internal:9000, acme-backups",
        "https://minio.internal, acme.backups.eu",
        "https://MinIO.Internal:9000, backups",
        "https://storage.example.com/s3, backups",
        "https://storage.example.com/s3/, backups",
        "https://storage.example.com/a/b.c/d_e~f, backups",
        "http://[::1]:9000, backups",
    })
    void isTheUrlTheSdksRulesGive(String endpoint, String bucket) {
        Optional<String> base = DirectGets.pathStyleBase(URI.create(endpoint), true, bucket);

        assertThat(base).isPresent();
        for (String key : new String[] {"p", "nightly/2026-11-30/db.dump", "a b/+c~d*e%f=g&h/\u00e9\u20ac/-x"}) {
            assertThat(base.get() + DirectGetsUrlTest.encode(key)).as(endpoint + " " + key)
                    .isEqualTo(sdkUrl(endpoint, bucket, key));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "https://minio.internal:9000, Upper-Case",
        "https://minio.internal:9000, under_score",
        "https://minio.internal:9000/pa%20th, backups",
        "https://minio.internal:9000/?x=1, backups",
        "https://user@minio.internal:9000, backups",
        "ftp://minio.internal, backups",
        "https://minio.internal:443, backups",
        "http://minio.internal:80, backups",
    })
    void leavesOtherShapesToTheSdk(String endpoint, String bucket) {
        assertThat(DirectGets.pathStyleBase(URI.create(endpoint), true, bucket)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void leavesVirtualHostedAndAwsToTheSdk() {
        assertThat(DirectGets.pathStyleBase(URI.create("https://minio.internal:9000"), false, "backups")).isEmpty();
        assertThat(DirectGets.pathStyleBase(null, true, "backups")).isEmpty();
    }

    private static String encode(String key) {
        return software.amazon.awssdk.utils.http.SdkHttpUtils.urlEncodeIgnoreSlashes(key);
    }

    private static String sdkUrl(String endpoint, String bucket, String key) {
        S3Utilities utilities = S3Utilities.builder().region(Region.EU_WEST_1).endpoint(URI.create(endpoint))
                .s3Configuration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
        return utilities.getUrl(get -> get.bucket(bucket).key(key)).toExternalForm();
    }
}
