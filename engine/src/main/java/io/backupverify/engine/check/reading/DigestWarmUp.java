package io.backupverify.engine.check.reading;

import io.backupverify.engine.checksum.ChecksumAlgorithm;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * Runs SHA-256 over a small read-only direct buffer, the way {@link Digests} feeds a mapped file, until HotSpot has
 * compiled that path with its SHA intrinsic. Until then the first files of an integrity check hash at about half
 * speed (the pure-Java SHA-256), for some 0.2-0.3 s on two cores. Costs about 0.1 CPU s: meant for a background
 * thread while a command starts, when one processor is mostly idle.
 */
public final class DigestWarmUp {
    /** Calls of the 4 KiB update; HotSpot's C2 compiles a method after some thousands of calls. */
    static final int ROUNDS = 12_000;
    private static final int BLOCK = 4096;

    private DigestWarmUp() {
    }

    /** Hashes {@link #ROUNDS} blocks of zeros; returns the last digest, so that the work cannot be elided. */
    public static byte[] run() {
        // Every digest class first: HotSpot compiles the hashing loop for the subclasses of the JDK's digest base
        // class loaded so far, and throws that code away when another one arrives (an HTTPS or S3 client's
        // SecureRandom loads SHA-1 a second or two later), leaving the first files to the slow path again.
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            algorithm.newDigest();
        }
        MessageDigest digest = ChecksumAlgorithm.SHA256.newDigest();
        // Read-only like a mapped file region, so that the compiled code expects the same buffer class.
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK).asReadOnlyBuffer();
        for (int i = 0; i < ROUNDS; i++) {
            block.clear();
            digest.update(block);
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
