package io.backupverify.engine.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real ext4 file system in an image file, loop-mounted, with the usual blocks reserved for root. Needs root
 * and loop devices; where either is missing, the test is skipped with the reason.
 */
public final class LoopDisk implements AutoCloseable {
    private final Path mountPoint;

    private LoopDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Makes and mounts an ext4 file system of {@code megabytes} with {@code reservedPercent} kept for root. */
    public static LoopDisk ext4(Path dir, int megabytes, int reservedPercent) throws IOException {
        Assumptions.assumeTrue(Commands.isRoot(), "mounting a loop ext4 file system needs root; not root here");
        Commands.Outcome mkfs = Commands.run("mkfs.ext4", "-V");
        Assumptions.assumeTrue(mkfs.ok(), "mkfs.ext4 is not installed (Debian package e2fsprogs)");
        Path image = dir.resolve("disk.img");
        Path mountPoint = Files.createDirectories(dir.resolve("disk"));
        Commands.require("truncate", "-s", megabytes + "M", image.toString());
        Commands.require("mkfs.ext4", "-q", "-F", "-m", Integer.toString(reservedPercent), image.toString());
        Commands.Outcome mount = Commands.run("mount", "-o", "loop", image.toString(), mountPoint.toString());
        Assumptions.assumeTrue(mount.ok(), () -> "cannot loop-mount an ext4 image here: " + mount.output());
        // The unprivileged writer must reach the mount point through the test's private folder.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(mountPoint, PosixFilePermissions.fromString("rwxrwxrwx"));
        return new LoopDisk(mountPoint);
    }

    public Path root() {
        return mountPoint;
    }

    /** Fills the disk as an unprivileged writer would: until it may write no more, leaving the reserve. */
    public void fillAsUnprivileged() {
        Path fill = mountPoint.resolve("fill");
        Commands.Outcome dd = Commands.run(Commands.asNobody("dd", "if=/dev/zero", "of=" + fill, "bs=4k"));
        if (dd.ok() || !dd.output().contains("No space left")) {
            throw new AssertionError("expected dd to fill the disk: " + dd.output());
        }
        Commands.require("sync");
    }

    /** What {@code df} says: used bytes and bytes available to an unprivileged writer. */
    public long[] dfUsedAndAvailable() {
        String[] lines = Commands.require("df", "-B1", "--output=used,avail", mountPoint.toString()).split("\n");
        String[] fields = lines[lines.length - 1].trim().split("\\s+");
        return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
    }

    @Override
    public void close() {
        Commands.run("umount", mountPoint.toString());
    }
}
