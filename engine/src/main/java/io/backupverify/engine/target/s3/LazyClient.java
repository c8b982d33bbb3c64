package io.backupverify.engine.target.s3;

import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SDK's S3 client, built the first time something needs it: a listing or read the direct path does not answer,
 * a HEAD, the posture questions. Building it costs about a tenth of a CPU second with the classes archived (four
 * times that without) on the thread that would otherwise send the first listing, and a verification whose listings
 * and reads all go direct never needs it. A failure to build it is thrown to each caller as the SDK threw it, so it
 * meets the same handling as a failed request.
 */
final class LazyClient implements Supplier<S3Client>, AutoCloseable {
    private final Supplier<S3Client> build;
    private S3Client client;
    private boolean closed;

    LazyClient(Supplier<S3Client> build) {
        this.build = build;
    }

    @Override
    public synchronized S3Client get() {
        if (closed) {
            throw new IllegalStateException("the S3 target is closed");
        }
        if (client == null) {
            client = build.get();
        }
        return client;
    }

    /** Whether the client was built (for tests). */
    synchronized boolean built() {
        return client != null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
        }
    }
}
