package io.backupverify.engine.target.s3;

import java.time.Duration;

/**
 * How often a read that failed for a reason that may pass (a timeout, a reset, a cut body, throttling, a server
 * error) is tried again, and how long to wait between tries: exponential backoff with jitter, up to a limit.
 *
 * @param attempts the most tries in a row without progress, the first included
 * @param firstDelay the wait before the second try
 * @param maxDelay the longest wait
 */
record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {
    static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10));

    /** Waits before try number {@code attempt} (2 for the first retry). */
    void pause(int attempt) throws java.io.InterruptedIOException {
        long base = firstDelay.toMillis() << Math.min(20, Math.max(0, attempt - 2));
        long capped = Math.min(base, maxDelay.toMillis());
        long wait = capped / 2 + (long) (Math.random() * (capped / 2 + 1));
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to try again");
        }
    }
}
