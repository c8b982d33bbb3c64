package io.backupverify.engine.check.copies;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.plan.AzureTargetSpec;
import io.backupverify.engine.plan.ResticTargetSpec;
import io.backupverify.engine.plan.S3TargetSpec;
import io.backupverify.engine.plan.SftpTargetSpec;
import io.backupverify.engine.plan.TargetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which targets share storage: remote ones from their keys (restic's repository locations among them), host names
 * resolved; folders on this machine by their file system, or the export a network mount brings.
 */
class StoragePlacesTest {
    @TempDir
    Path dir;

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

    /** Two names of one server ({@code localhost} resolves to 127.0.0.1 everywhere) are one server. */
    @Test
    void aServerReachedByTwoNamesIsOneStorage() {
        assertThat(share(s3("http://localhost:9000", "copies", "a/"), s3("http://127.0.0.1:9000", "copies", "b/")))
                .isTrue();
        assertThat(share(s3("http://localhost:9000", "copies", null), s3("http://127.0.0.1:9001", "copies", null)))
                .isFalse();
        assertThat(share(sftp("localhost", 22, "backup", "/srv/backups"), sftp("127.0.0.1", 22, "x", "/srv/backups")))
                .isTrue();
        assertThat(share(restic("sftp:backup@localhost:/srv/backups/restic"), sftp("127.0.0.1", 22, null,
                "/srv/backups"))).isTrue();
        assertThat(share(restic("rest:http://localhost:8000/orders"), restic("rest:http://127.0.0.1:8000/orders/")))
                .isTrue();
        assertThat(share(restic("s3:http://localhost:9000/copies/restic"), s3("http://127.0.0.1:9000", "copies",
                null))).isTrue();
    }

    /** A name that does not resolve is compared by name, and the place says it could not be resolved. */
    @Test
    void aNameThatDoesNotResolveIsComparedByName() {
        StoragePlace unresolved = StoragePlaces.of(sftp("nas.invalid", 22, "backup", "/srv")).orElseThrow();
        assertThat(unresolved.hasUnresolvedHost()).isTrue();
        assertThat(unresolved.shares(StoragePlaces.of(sftp("NAS.invalid", 22, "x", "/srv")).orElseThrow())).isTrue();
        assertThat(unresolved.shares(StoragePlaces.of(sftp("192.0.2.7", 22, "x", "/srv")).orElseThrow())).isFalse();
        assertThat(StoragePlaces.of(sftp("127.0.0.1", 22, "x", "/srv")).orElseThrow().hasUnresolvedHost()).isFalse();
    }

    /**
     * Two folders on file systems with different device numbers (here tmpfs and the temporary folder's disk), which
     * the mount table says are mounts of one NFS export (as two mounts of it with {@code nosharecache} are), share
     * storage; by device numbers alone they did not. A mount table that does not match the folder's device is not
     * believed.
     */
    @Test
    void foldersOnTwoMountsOfOneExportShareStorageThoughTheirDevicesDiffer() throws Exception {
        Path shm = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shm), "needs /dev/shm");
        Path one = Files.createTempDirectory(shm, "hcopy-mount");
        try {
            Path other = Files.createDirectories(dir.resolve("copy"));
            long oneDevice = ((Number) Files.getAttribute(one, "unix:dev")).longValue();
            long otherDevice = ((Number) Files.getAttribute(other, "unix:dev")).longValue();
            org.junit.jupiter.api.Assumptions.assumeTrue(oneDevice != otherDevice, "needs two file systems");
            MountTable table = MountTable.parse(List.of(
                    "27 1 " + majorMinor(otherDevice) + " / / rw,relatime - ext4 /dev/vda rw",
                    "418 27 " + majorMinor(oneDevice) + " / " + one.toRealPath() + " rw,relatime - nfs4 "
                            + "nas.invalid:/srv/backups rw,vers=4.2,addr=192.0.2.5",
                    "425 27 " + majorMinor(otherDevice) + " / " + other.toRealPath() + " rw,relatime - nfs "
                            + "192.0.2.5:/srv/backups rw,vers=3,addr=192.0.2.5"));
            Files.createDirectories(one.resolve("nightly-1"));
            Files.createDirectories(other.resolve("nightly-1"));

            StoragePlace first = StoragePlaces.folder(one.resolve("nightly-1"), () -> table).orElseThrow();
            StoragePlace second = StoragePlaces.folder(other.resolve("nightly-1"), () -> table).orElseThrow();

            assertThat(first.kind()).isEqualTo("share");
            assertThat(first.shares(second)).isTrue();
            StoragePlace byDevice = StoragePlaces.folder(one, () -> MountTable.parse(List.of())).orElseThrow();
            assertThat(byDevice.kind()).isEqualTo("device");
            assertThat(byDevice.shares(StoragePlaces.folder(other, () -> MountTable.parse(List.of())).orElseThrow()))
                    .isFalse();
            MountTable wrongDevice = MountTable.parse(List.of("418 27 0:9999 / " + one.toRealPath()
                    + " rw - nfs4 nas.invalid:/srv/backups rw"));
            assertThat(StoragePlaces.folder(one, () -> wrongDevice).orElseThrow().kind()).isEqualTo("device");
        } finally {
            Files.walk(one).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The device as mountinfo writes it, from glibc's encoding of {@code st_dev}. */
    private static String majorMinor(long dev) {
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        return major + ":" + minor;
    }
}
