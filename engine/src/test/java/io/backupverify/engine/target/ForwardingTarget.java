package io.backupverify.engine.target;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A target that passes every call to another one; test targets override only what they change. */
public abstract class ForwardingTarget implements Target {
    private final Target delegate;

    protected ForwardingTarget(Target delegate) {
        this.delegate = delegate;
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
        return delegate.open(path);
    }

    @Override
    public InputStream open(String path, long offset) throws IOException {
        return delegate.open(path, offset);
    }

    @Override
    public List<StoredChecksum> storedChecksums(String path) throws IOException {
        return delegate.storedChecksums(path);
    }

    @Override
    public Optional<Entry> stat(String path) throws IOException {
        return delegate.stat(path);
    }

    @Override
    public Optional<StorageUsage> usage() throws IOException {
        return delegate.usage();
    }

    @Override
    public Optional<java.nio.file.Path> localPath(String path) {
        return delegate.localPath(path);
    }

    @Override
    public boolean rewritableInPlace() {
        return delegate.rewritableInPlace();
    }
}
