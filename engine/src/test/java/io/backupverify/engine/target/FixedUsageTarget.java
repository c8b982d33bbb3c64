package io.backupverify.engine.target;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A local folder that reports the used space a test chooses: a figure, none, or a failure. */
public final class FixedUsageTarget implements Target {
    private final LocalTarget local;
    private final StorageUsage usage;
    private final IOException failure;

    private FixedUsageTarget(Path root, StorageUsage usage, IOException failure) {
        this.local = new LocalTarget(root);
        this.usage = usage;
        this.failure = failure;
    }

    public static FixedUsageTarget reporting(Path root, long used, long total) {
        return new FixedUsageTarget(root, new StorageUsage(used, total, "fixed"), null);
    }

    /** A target that cannot tell its used space. */
    public static FixedUsageTarget silent(Path root) {
        return new FixedUsageTarget(root, null, null);
    }

    public static FixedUsageTarget failing(Path root, IOException failure) {
        return new FixedUsageTarget(root, null, failure);
    }

    @Override
    public String description() {
        return local.description();
    }

    @Override
    public List<Entry> list(String folder) throws IOException {
        return local.list(folder);
    }

    @Override
    public void walk(String folder, Consumer<Entry> visitor) throws IOException {
        local.walk(folder, visitor);
    }

    @Override
    public InputStream open(String path) throws IOException {
        return local.open(path);
    }

    @Override
    public Optional<Entry> stat(String path) throws IOException {
        return local.stat(path);
    }

    @Override
    public Optional<StorageUsage> usage() throws IOException {
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(usage);
    }
}
