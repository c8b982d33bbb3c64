package io.backupverify.engine.target;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A local folder that reports the used space a test chooses: a figure, none, or a failure. */
public final class FixedUsageTarget extends ForwardingTarget {
    private final StorageUsage usage;
    private final IOException failure;

    private FixedUsageTarget(Path root, StorageUsage usage, IOException failure) {
        super(new LocalTarget(root));
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
    public Optional<StorageUsage> usage() throws IOException {
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(usage);
    }
}
