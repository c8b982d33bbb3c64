package io.backupverify.engine.testing;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** The size of a file system as df measures percentages: used plus available to an unprivileged writer. */
public final class DiskSize {
    private DiskSize() {
    }

    public static long asDfSeesIt(Path dir) throws IOException {
        FileStore store = Files.getFileStore(dir);
        return store.getTotalSpace() - (store.getUnallocatedSpace() - store.getUsableSpace());
    }
}
