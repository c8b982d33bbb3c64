package io.backupverify.engine.target.s3;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.Abortable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Reads one object, or a byte range of it, and resumes where it stopped when the connection times out, is reset
 * or the body is cut off: the next request asks for the rest with a ranged GET pinned to the first response's ETag,
 * so a resumed read can never splice two versions of an object. An object that changed meanwhile, a body that ends
 * early and every failure after the retry limit are I/O errors naming the cause: never a short read taken for the
 * whole object.
 */
final class S3ObjectStream extends BlockInputStream {
    static final int MAX_FAILURES = 100;
    private final Supplier<S3Client> client;
    /** Reads sent without the SDK's pipeline, or null. */
    private final DirectGets direct;
    private final String bucket;
    private final String key;
    private final String name;
    private final RetryPolicy retries;
    private final S3Errors errors;
    /** The first byte not read yet, counted from the start of the object. */
    private long position;
    /** One past the last byte wanted, or -1 for the end of the object (not known before the first response). */
    private long end;
    private String etag;
    private InputStream current;
    private Abortable currentAbort;
    private boolean closed;
    /** Failed tries in all, with progress between them or not: bounded, so a trickling server cannot stall us. */
    private int failures;

    S3ObjectStream(Supplier<S3Client> client, DirectGets direct, String bucket, String key, String name, long start, long end,
            String etag, RetryPolicy retries, S3Errors errors) {
        this.client = client;
        this.direct = direct;
        this.bucket = bucket;
        this.key = key;
        this.name = name;
        this.position = start;
        this.end = end;
        this.etag = etag;
        this.retries = retries;
        this.errors = errors;
    }

    /** Opens the stream now, so that a missing object or refused credentials fail here rather than on the first read. */
    S3ObjectStream connect() throws IOException {
        int attempt = 1;
        while (true) {
            try {
                request();
                return this;
            } catch (IOException e) {
                attempt = failed(attempt, e);
            }
        }
    }

    /** One past the last byte this stream reads, or -1 while not known. */
    long end() {
        return end;
    }

    /** Whether the current response has the SDK's abort task queued (for tests). */
    boolean holdsTimeoutTask() {
        return current instanceof ResponseInputStream<?> response && response.hasTimeoutTask();
    }

    /** The ETag reads are pinned to, once known. */
    String etag() {
        return etag;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the stream of " + name + " is closed");
        }
        if (length == 0) {
            return 0;
        }
        int attempt = 1;
        while (true) {
            if (end >= 0 && position >= end) {
                return -1;
            }
            try {
                if (current == null) {
                    request();
                }
                int wanted = end < 0 ? length : (int) Math.min(length, end - position);
                int read = current.read(buffer, offset, wanted);
                if (read < 0) {
                    throw new EOFException("the body ended at byte " + position + " of " + end);
                }
                position += read;
                return read;
            } catch (IOException e) {
                abortCurrent();
                attempt = failed(attempt, e);
            }
        }
    }

    /** Counts a failed try: waits and gives the next try's number, or throws when it may not be tried again. */
    private int failed(int attempt, IOException e) throws IOException {
        if (e instanceof NotRetryableException || e instanceof ObjectChangedException
                || e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
            throw e;
        }
        failures++;
        if (attempt >= retries.attempts() || failures > MAX_FAILURES) {
            throw new IOException("reading " + name + " failed at byte " + position + (end >= 0 ? " of " + end : "")
                    + " after " + failures + " failed tries (" + attempt + " in a row); last cause: "
                    + errors.scrub(describe(e)));
        }
        retries.pause(attempt + 1);
        return attempt + 1;
    }

    private static String describe(IOException e) {
        if (e instanceof RetryableException) {
            return e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void request() throws IOException {
        String range = position > 0 || end >= 0
                ? "bytes=" + position + "-" + (end >= 0 ? Long.toString(end - 1) : "") : null;
        if (direct != null) {
            Optional<DirectGets.Response> response = direct.get(key, range, etag);
            if (response.isPresent()) {
                started(response.get().body(), response.get().body(), response.get().etag(),
                        response.get().contentLength());
                return;
            }
        }
        GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(bucket).key(key);
        if (range != null) {
            get.range(range);
        }
        if (etag != null) {
            get.ifMatch(etag);
        }
        ResponseInputStream<GetObjectResponse> response;
        try {
            // No SDK read timeout (Duration.ZERO): we read at once and our socket timeout catches a stall, while the
            // SDK's 60-second abort task would stay queued after the read, holding the response: with many small
            // objects that was megabytes of heap per second of reading.
            response = client.get().getObject(get.build(), ResponseTransformer.toInputStream(Duration.ZERO));
        } catch (SdkException e) {
            if (e instanceof software.amazon.awssdk.core.exception.SdkServiceException service
                    && service.statusCode() == 412) {
                throw new ObjectChangedException(name + " changed while being read (its ETag is no longer "
                        + etag + ")");
            }
            IOException io = errors.toIo("cannot read " + name, e);
            throw S3Errors.retryable(e) ? new RetryableException(errors.describe(e), io)
                    : new NotRetryableException(io.getMessage(), e);
        }
        Long length = response.response().contentLength();
        started(response, response, response.response().eTag(), length == null ? -1 : length);
    }

    /** Takes a response: its body is read from now on, and its ETag and length pin and bound the next reads. */
    private void started(InputStream body, Abortable abort, String responseEtag, long length) {
        current = body;
        currentAbort = abort;
        if (etag == null) {
            etag = responseEtag;
        }
        if (end < 0) {
            end = length < 0 ? -1 : position + length;
        }
    }

    private void abortCurrent() {
        if (current != null) {
            currentAbort.abort();
            try {
                current.close();
            } catch (IOException | RuntimeException e) {
                // the connection is dropped either way
            }
            current = null;
            currentAbort = null;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (end >= 0 && position < end) {
                abortCurrent();
            } else if (current != null) {
                try {
                    current.close();
                } catch (IOException e) {
                    abortCurrent();
                }
                current = null;
                currentAbort = null;
            }
        }
    }

    /** A failure worth trying again. */
    static final class RetryableException extends IOException {
        private static final long serialVersionUID = 1L;

        RetryableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A failure trying again cannot mend, such as refused credentials or a missing object. */
    static final class NotRetryableException extends IOException {
        private static final long serialVersionUID = 1L;

        NotRetryableException(String message, Throwable cause) {
            super(message);
        }
    }

    /** The object was replaced while it was read. */
    static final class ObjectChangedException extends IOException {
        private static final long serialVersionUID = 1L;

        ObjectChangedException(String message) {
            super(message);
        }
    }
}
