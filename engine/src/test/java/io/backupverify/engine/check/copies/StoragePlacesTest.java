package io.backupverify.engine.check.copies;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.plan.AzureTargetSpec;
import io.backupverify.engine.plan.ResticTargetSpec;
import io.backupverify.engine.plan.S3TargetSpec;
import io.backupverify.engine.plan.SftpTargetSpec;
import io.backupverify.engine.plan.TargetSpec;
import org.junit.jupiter.api.Test;

/** Which remote targets share storage, from their keys alone (restic's repository locations among them). */
class StoragePlacesTest {
    private static boolean share(TargetSpec one, TargetSpec other) {
        return StoragePlaces.of(one).orElseThrow().shares(StoragePlaces.of(other).orElseThrow());
    }

    private static S3TargetSpec s3(String endpoint, String bucket, String prefix) {
        return new S3TargetSpec(bucket, prefix, "us-east-1", endpoint, true, null);
    }

    private static ResticTargetSpec restic(String repository) {
        return new ResticTargetSpec(repository, null, null, null, null);
    }

    private static SftpTargetSpec sftp(String host, int port, String user, String path) {
        return new SftpTargetSpec(host, port, path, user, null, null, "SHA256:x");
    }

    @Test
    void anS3BucketIsOneStorageWhateverThePrefixAndHowTheEndpointIsWritten() {
        assertThat(share(s3("http://127.0.0.1:9000", "copies", "a/"), s3("http://127.0.0.1:9000/", "copies", "b/")))
                .isTrue();
        assertThat(share(s3("https://MinIO.internal", "copies", null), s3("https://minio.internal:443", "copies",
                "x"))).isTrue();
        assertThat(share(s3(null, "copies", null), s3("https://s3.eu-west-1.amazonaws.com", "copies", null)))
                .isTrue();
        assertThat(share(s3("http://127.0.0.1:9000", "copies", null), s3("http://127.0.0.1:9000", "vault", null)))
                .isFalse();
        assertThat(share(s3("http://127.0.0.1:9000", "copies", null), s3("http://127.0.0.1:9001", "copies", null)))
                .isFalse();
    }

    @Test
    void aResticRepositoryInABucketSharesItWithAnS3TargetThere() {
        assertThat(share(restic("s3:http://127.0.0.1:9000/copies/restic"), s3("http://127.0.0.1:9000", "copies",
                "nightly/"))).isTrue();
        assertThat(share(restic("s3:s3.amazonaws.com/copies/restic"), s3(null, "copies", null))).isTrue();
        assertThat(share(restic("s3:http://127.0.0.1:9000/copies/restic"), s3("http://127.0.0.1:9000", "vault",
                null))).isFalse();
    }

    @Test
    void sftpFoldersShareWhenOneIsInsideTheOtherOnTheSameServer() {
        assertThat(share(sftp("nas", 22, "backup", "/srv/backups"), sftp("NAS", 22, "other", "/srv/backups/restic/")))
                .isTrue();
        assertThat(share(sftp("nas", 22, "backup", "/srv/backups"), sftp("nas", 22, "backup", "/srv/backups-2")))
                .isFalse();
        assertThat(share(sftp("nas", 22, "backup", "/srv/backups"), sftp("nas", 2222, "backup", "/srv/backups")))
                .isFalse();
        assertThat(share(sftp("nas", 22, "alice", "backups"), sftp("nas", 22, "bob", "backups")))
                .as("relative paths start in each user's home").isFalse();
        assertThat(share(restic("sftp:backup@nas:/srv/backups/restic"), sftp("nas", 22, "backup", "/srv/backups")))
                .isTrue();
        assertThat(share(restic("sftp://backup@nas:2222/srv/backups"), sftp("nas", 2222, null, "/srv")))
                .isTrue();
    }

    @Test
    void otherResticBackendsShareOnlyTheSameRepository() {
        assertThat(share(restic("rest:http://restic.internal:8000/orders"),
                restic("rest:http://restic.internal:8000/orders/"))).isTrue();
        assertThat(share(restic("rest:http://restic.internal:8000/orders"),
                restic("rest:http://restic.internal:8000/customers"))).isFalse();
        assertThat(share(restic("b2:bucket:orders"), restic("b2:bucket:orders"))).isTrue();
        assertThat(share(restic("b2:bucket:orders"), restic("b2:bucket:customers"))).isFalse();
    }

    @Test
    void anAzureContainerIsOneStorageInItsAccount() {
        assertThat(share(new AzureTargetSpec("acme", "backups", "a/", null, null),
                new AzureTargetSpec("ACME", "backups", "b/", null, null))).isTrue();
        assertThat(share(new AzureTargetSpec("acme", "backups", null, null, null),
                new AzureTargetSpec("acme", "vault", null, null, null))).isFalse();
        assertThat(share(new AzureTargetSpec("acme", "backups", null, null, null),
                new AzureTargetSpec("other", "backups", null, null, null))).isFalse();
    }
}
