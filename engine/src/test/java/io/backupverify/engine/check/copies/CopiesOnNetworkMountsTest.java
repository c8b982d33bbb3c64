package io.backupverify.engine.check.copies;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.backup.BackupCatalog;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.OtherSets;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.check.TestContexts;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.CopiesSpec;
import io.backupverify.engine.plan.LayoutSpec;
import io.backupverify.engine.plan.LocalTargetSpec;
import io.backupverify.engine.target.LocalTarget;
import io.backupverify.engine.testing.Tmpfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copies check on three folders with three device numbers (the temporary folder's disk, /dev/shm and a tmpfs
 * mounted for the test), the two copies being, by the mount table given, NFS mounts: of one export, or of two
 * servers' exports. By device numbers alone they were always three copies.
 */
class CopiesOnNetworkMountsTest {
    @TempDir
    Path dir;
    private Path primary;
    private Path shm;
    private Tmpfs tmpfs;

    @BeforeEach
    void setUp() throws IOException {
        primary = Files.createDirectories(dir.resolve("primary"));
        Path shared = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shared), "needs /dev/shm");
        shm = Files.createTempDirectory(shared, "hcopy-copies");
        tmpfs = Tmpfs.mount(dir.resolve("mounted"));
        for (Path folder : List.of(primary, shm, tmpfs.root())) {
            Path backup = Files.createDirectories(folder.resolve("nightly-1"));
            Files.writeString(backup.resolve("orders.dump"), "orders rows\n".repeat(100));
        }
        Assumptions.assumeTrue(List.of(device(primary), device(shm), device(tmpfs.root())).stream().distinct()
                .count() == 3, "needs three file systems");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tmpfs != null) {
            tmpfs.close();
        }
        if (shm != null) {
            try (var files = Files.walk(shm)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long device(Path folder) throws IOException {
        return ((Number) Files.getAttribute(folder, "unix:dev")).longValue();
    }

    /** The mountinfo line of a folder mounted from {@code source}, with its real device. */
    private static String nfsLine(int id, Path mountPoint, String type, String source, String superOptions)
            throws IOException {
        long dev = device(mountPoint);
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        return id + " 1 " + major + ":" + minor + " / " + mountPoint.toRealPath() + " rw,relatime shared:" + id
                + " - " + type + " " + source + " " + superOptions;
    }

    private CheckResult copies(MountTable mounts) throws IOException {
        Map<String, Path> sets = Map.of("orders", primary, "orders-nas", shm, "orders-nas-again", tmpfs.root());
        LocalTarget target = new LocalTarget(primary);
        BackupCatalog catalog = new BackupCatalog(target, LayoutSpec.DEFAULT, ZoneOffset.UTC);
        CheckContext context = new CheckContext(set("orders", primary), target, catalog, catalog.discover(),
                Instant.now(), ZoneOffset.UTC, 1, 1, Progress.NONE);
        context.withOtherSets(name -> {
            LocalTarget other = new LocalTarget(sets.get(name));
            BackupCatalog otherCatalog = new BackupCatalog(other, LayoutSpec.DEFAULT, ZoneOffset.UTC);
            return new OtherSets.OpenedSet(set(name, sets.get(name)), other, otherCatalog, otherCatalog.discover());
        });
        CopiesSpec spec = new CopiesSpec(List.of("orders-nas", "orders-nas-again"), 3, null, null, null);
        return new CopiesCheck(spec, () -> mounts).run(context);
    }

    private static BackupSetSpec set(String name, Path folder) {
        return new BackupSetSpec(name, new LocalTargetSpec(folder.toString()), LayoutSpec.DEFAULT,
                TestContexts.set(LayoutSpec.DEFAULT).checks());
    }

    /**
     * One export mounted at two points (as with {@code nosharecache}, each mount has its own device), once by the
     * server's name and once by its address: one storage, so two copies, not three.
     */
    @Test
    void twoMountsOfOneExportAreOneCopy() throws Exception {
        MountTable mounts = MountTable.parse(List.of(
                nfsLine(418, shm, "nfs4", "nas.invalid:/srv/backups", "rw,vers=4.2,addr=192.0.2.5"),
                nfsLine(425, tmpfs.root(), "nfs", "192.0.2.5:/srv/backups", "rw,vers=3,addr=192.0.2.5")));

        CheckResult result = copies(mounts);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("copies", 2)
                .containsEntry("sharingStorage", List.of("orders-nas-again:nightly-1"));
        assertThat(result.findings()).extracting(Finding::item, Finding::severity, Finding::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("orders-nas-again:nightly-1", Status.WARN,
                                "on the same storage as orders-nas:nightly-1 (NFS export nas.invalid:/srv/backups "
                                        + "(mounted at " + shm.toRealPath() + "); this copy: NFS export "
                                        + "192.0.2.5:/srv/backups (mounted at " + tmpfs.root().toRealPath() + "); "
                                        + "nas.invalid and 192.0.2.5 are one host, 192.0.2.5), so not counted as "
                                        + "another copy: one fault, deletion or lost key there loses both"),
                        org.assertj.core.groups.Tuple.tuple("nightly-1", Status.FAIL,
                                "2 identical copies of the newest backup, fewer than minCopies 3"));
    }

    /** Exports of two servers are two storages; one of them by a name that does not resolve is told apart by name. */
    @Test
    void exportsOfAServerWhoseNameDoesNotResolveAreToldApartByNameAndTheReportSaysSo() throws Exception {
        MountTable mounts = MountTable.parse(List.of(
                nfsLine(418, shm, "nfs4", "nas.invalid:/srv/backups", "rw,vers=4.2"),
                nfsLine(425, tmpfs.root(), "nfs", "192.0.2.9:/srv/backups", "rw,vers=3,addr=192.0.2.9")));

        CheckResult result = copies(mounts);

        assertThat(result.metrics()).containsEntry("copies", 3);
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.findings()).extracting(Finding::item, Finding::severity, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("orders-nas-again:nightly-1", Status.WARN,
                        "counted as another copy than orders-nas:nightly-1 because their hosts differ, but nas.invalid "
                                + "could not be resolved here, so they were told apart by name only: if both names "
                                + "are one server, this is no other copy"));

        MountTable twoKnownServers = MountTable.parse(List.of(
                nfsLine(418, shm, "nfs4", "nas.invalid:/srv/backups", "rw,vers=4.2,addr=192.0.2.5"),
                nfsLine(425, tmpfs.root(), "nfs", "192.0.2.9:/srv/backups", "rw,vers=3,addr=192.0.2.9")));
        assertThat(copies(twoKnownServers).status()).isEqualTo(Status.PASS);
    }
}
