package io.backupverify.engine.target.restic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** restic's {@code s3:} locations, read as restic reads them, to list the repository's objects. */
class S3RepositoryTest {
    @Test
    void locationsAtAStoresOwnEndpointArePathStyleThere() {
        assertThat(S3Repository.of("s3:http://127.0.0.1:9000/backups/restic/orders/")).hasValueSatisfying(s3 -> {
            assertThat(s3.spec(null)).satisfies(spec -> {
                assertThat(spec.endpoint()).isEqualTo("http://127.0.0.1:9000");
                assertThat(spec.bucket()).isEqualTo("backups");
                assertThat(spec.folderPrefix()).isEqualTo("restic/orders/");
                assertThat(spec.usesPathStyle()).isTrue();
            });
            assertThat(s3).hasToString("s3://backups/restic/orders at http://127.0.0.1:9000");
        });
        assertThat(S3Repository.of("s3:minio.example.com:9000/backups")).hasValueSatisfying(s3 ->
                assertThat(s3.spec(null).endpoint()).isEqualTo("https://minio.example.com:9000"));
    }

    @Test
    void amazonsOwnHostsUseTheSdksEndpointAndTheRegionTheyName() {
        assertThat(S3Repository.of("s3:s3.eu-west-1.amazonaws.com/acme-backups/restic")).hasValueSatisfying(s3 -> {
            assertThat(s3.endpoint()).isNull();
            assertThat(s3.region()).isEqualTo("eu-west-1");
            assertThat(s3.spec("aws").usesPathStyle()).isFalse();
            assertThat(s3.bucket()).isEqualTo("acme-backups");
        });
        assertThat(S3Repository.of("s3:s3.amazonaws.com/acme-backups")).hasValueSatisfying(s3 ->
                assertThat(s3.endpoint()).isNull());
    }

    @Test
    void otherLocationsAreNotS3() {
        assertThat(S3Repository.of("/srv/restic")).isEmpty();
        assertThat(S3Repository.of("sftp:backup@host:/srv/restic")).isEmpty();
        assertThat(S3Repository.of("rest:https://host:8000/")).isEmpty();
        assertThat(S3Repository.of("s3:bucket-without-host")).isEmpty();
        assertThat(S3Repository.of("s3:host/")).isEmpty();
    }
}
