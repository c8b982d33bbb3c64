package io.backupverify.engine.check.reading;

import io.backupverify.engine.check.Progress;
import io.backupverify.engine.checksum.ChecksumAlgorithm;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * Runs SHA-256 through the very code that {@link Digests} feeds a mapped file with, until HotSpot has compiled it
 * with its SHA intrinsic. Until then the first files of an integrity check hash at about half speed (the pure-Java
 * SHA-256). The rounds take every branch the real feeding takes (several chunks per region, a last partial chunk,
 * a digest left holding a partial block, a progress step), because a branch the warm-up never took makes HotSpot
 * throw the compiled code away at the first real file and hash at a lower tier until it has compiled it again: on
 * two processors that cost the first 0.2-0.3 s of a 1 s check. Costs a few hundredths of a CPU second: meant for
 * a background thread while a command starts, when one processor is mostly idle.
 */
public final class DigestWarmUp {
    /** Regions fed; HotSpot's C2 compiles a method after some thousands of calls and loop turns. */
    static final int ROUNDS = 4_000;
    /** A region of a few chunks and a last one that ends inside a 64-byte block. */
    static final int REGION = 5 * 512 + 40;
    static final int CHUNK = 512;
    /** Every this many rounds a region also completes a progress step. */
    static final int STEP_EVERY = 8;

    private DigestWarmUp() {
    }

    /** Feeds {@link #ROUNDS} regions of zeros; returns the digest, so that the work cannot be elided. */
    public static byte[] run() {
        // Every digest class first: HotSpot compiles the hashing loop for the subclasses of the JDK's digest base
        // class loaded so far, and throws that code away when another one arrives (an HTTPS or S3 client's
        // SecureRandom loads SHA-1 a second or two later), leaving the first files to the slow path again.
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            algorithm.newDigest();
        }
        MessageDigest digest = ChecksumAlgorithm.SHA256.newDigest();
        Digests digests = new Digests(Progress.NONE, CHUNK, REGION, CHUNK);
        // Direct and read-only like a mapped file region, so that the compiled code expects the same buffer class.
        ByteBuffer region = ByteBuffer.allocateDirect(REGION).asReadOnlyBuffer();
        try {
            for (int i = 0; i < ROUNDS; i++) {
                region.clear();
                digests.update(digest, region, i % STEP_EVERY == 0 ? Digests.PROGRESS_STEP - 1 : 0);
            }
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
        }
        return digest.digest();
    }

    /** Starts {@link #run()} on a daemon thread of its own. */
    public static Thread start() {
        Thread thread = new Thread(DigestWarmUp::run, "digest-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
