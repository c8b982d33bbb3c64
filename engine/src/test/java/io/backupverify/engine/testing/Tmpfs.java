package io.backupverify.engine.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for one test: a file system of its own (its own device number), as a second disk or a
 * mounted share would be. Needs root; where it is not, the test is skipped with the reason.
 */
public final class Tmpfs implements AutoCloseable {
    private final Path mountPoint;

    private Tmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    public static Tmpfs mount(Path mountPoint) throws IOException {
        Assumptions.assumeTrue(Commands.isRoot(), "mounting a tmpfs needs root; not root here");
        Files.createDirectories(mountPoint);
        Commands.Outcome mount = Commands.run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs",
                mountPoint.toString());
        Assumptions.assumeTrue(mount.ok(), () -> "cannot mount a tmpfs here: " + mount.output());
        return new Tmpfs(mountPoint);
    }

    public Path root() {
        return mountPoint;
    }

    @Override
    public void close() {
        Commands.run("umount", mountPoint.toString());
    }
}
