package io.backupverify.engine.testing;

import io.backupverify.engine.backup.ListingCursor;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.ForwardingTarget;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A target whose walks fail when integrity's streamed path asks for them (on the {@link ListingCursor}'s thread),
 * so that integrity steps aside to its columnar path as it does for any listing it cannot stream, while every other
 * walk, and so every other check, sees the target as it is. The reference the two-path tests compare with.
 */
public final class ColumnarIntegrity extends ForwardingTarget {
    private final Target delegate;

    private ColumnarIntegrity(Target delegate) {
        super(delegate);
        this.delegate = delegate;
    }

    public static Target of(Target target) {
        return new ColumnarIntegrity(target);
    }

    @Override
    public void walk(String folder, Consumer<Entry> visitor) throws IOException {
        if (Thread.currentThread().getName().equals(ListingCursor.THREAD)) {
            throw new IOException("this test gives integrity no streamed listing");
        }
        super.walk(folder, visitor);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    /** Local files are still read as the target underneath reads them. */
    @Override
    public Optional<FileChannel> openLocalFile(String path) throws IOException {
        return delegate.openLocalFile(path);
    }
}
