package io.backupverify.engine.check.integrity;

import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.StorageUsage;
import io.backupverify.engine.target.Target;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A target that records what is opened and fails reading the paths it is told to, as a bad disk would. */
final class RecordingTarget implements Target {
    final ConcurrentLinkedQueue<String> opened = new ConcurrentLinkedQueue<>();
    private final Target delegate;
    private final Set<String> failing;
    private final Supplier<IOException> failure;

    RecordingTarget(Target delegate, Set<String> failing) {
        this(delegate, failing, () -> new IOException("Input/output error"));
    }

    /** A target whose reads of the failing paths throw the given kind of exception. */
    RecordingTarget(Target delegate, Set<String> failing, Supplier<IOException> failure) {
        this.delegate = delegate;
        this.failing = failing;
        this.failure = failure;
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public List<Entry> list(String folder) throws IOException {
        return delegate.list(folder);
    }

    @Override
    public void walk(String folder, Consumer<Entry> visitor) throws IOException {
        delegate.walk(folder, visitor);
    }

    @Override
    public InputStream open(String path) throws IOException {
        opened.add(path);
        InputStream in = delegate.open(path);
        if (!failing.contains(path)) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                throw failure.get();
            }
        };
    }

    @Override
    public Optional<Entry> stat(String path) throws IOException {
        return delegate.stat(path);
    }

    @Override
    public Optional<StorageUsage> usage() throws IOException {
        return delegate.usage();
    }
}
