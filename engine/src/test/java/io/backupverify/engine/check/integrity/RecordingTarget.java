package io.backupverify.engine.check.integrity;

import io.backupverify.engine.target.ForwardingTarget;
import io.backupverify.engine.target.Target;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/** A target that records what is opened and fails reading the paths it is told to, as a bad disk would. */
final class RecordingTarget extends ForwardingTarget {
    final ConcurrentLinkedQueue<String> opened = new ConcurrentLinkedQueue<>();
    private final Set<String> failing;
    private final Supplier<IOException> failure;

    RecordingTarget(Target delegate, Set<String> failing) {
        this(delegate, failing, () -> new IOException("Input/output error"));
    }

    /** A target whose reads of the failing paths throw the given kind of exception. */
    RecordingTarget(Target delegate, Set<String> failing, Supplier<IOException> failure) {
        super(delegate);
        this.failing = failing;
        this.failure = failure;
    }

    @Override
    public InputStream open(String path) throws IOException {
        opened.add(path);
        InputStream in = super.open(path);
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

}
