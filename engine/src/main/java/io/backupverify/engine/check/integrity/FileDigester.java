package io.backupverify.engine.check.integrity;

import io.backupverify.engine.check.Progress;
import io.backupverify.engine.check.reading.ChangedWhileRead;
import io.backupverify.engine.check.reading.Digests;
import io.backupverify.engine.check.reading.ReadBuffers;
import io.backupverify.engine.checksum.ChecksumAlgorithm;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Digests one file: a large local file mapped, anything else streamed through a buffer it reuses; one per reading
 * thread. It also keeps one digest per algorithm and resets it before each file, instead of asking the JDK's
 * provider list for a new one per file (a lookup and a reflective construction, run interpreted for the first files
 * of a check).
 */
final class FileDigester {
    private final Target target;
    private final Progress progress;
    private final Digests digests;
    private final MessageDigest[] byAlgorithm = new MessageDigest[ChecksumAlgorithm.values().length];

    FileDigester(Target target, Progress progress, int bufferBytes) {
        this.target = target;
        this.progress = progress;
        this.digests = new Digests(progress, bufferBytes);
    }

    /** The buffer for each of several readers (see {@link ReadBuffers}). */
    static int bufferBytes(long largestFile, int readers) {
        return ReadBuffers.bytes(ReadBuffers.MAX_BYTES, largestFile, readers);
    }

    /**
     * What reading a file gave: its digest and how many bytes it had.
     *
     * @param changed for a local file whose size or modification time at the end of the read differs from its
     *                listing's (taken before the read began): how, for the message; null when it stayed as listed
     */
    record Digest(byte[] value, long bytes, String changed) {
    }

    Digest digest(ExpectedFile file) throws IOException {
        MessageDigest digest = digestFor(file.algorithm());
        String path = file.read().path();
        long total = -1;
        if (file.read().size() >= Digests.MAP_AT_LEAST && Digests.canMap()) {
            Optional<FileChannel> channel = target.openLocalFile(path);
            if (channel.isPresent()) {
                try (FileChannel open = channel.get()) {
                    total = digests.update(digest, open);
                }
            }
        }
        if (total < 0) {
            try (InputStream in = target.open(path)) {
                total = digests.update(digest, in);
            }
        }
        progress.advance(1, 0);
        return new Digest(digest.digest(), total, ChangedWhileRead.since(target, file.read()));
    }

    /** This reader's digest for the algorithm, reset: a file whose reading failed may have left bytes in it. */
    private MessageDigest digestFor(ChecksumAlgorithm algorithm) {
        MessageDigest digest = byAlgorithm[algorithm.ordinal()];
        if (digest == null) {
            digest = algorithm.newDigest();
            byAlgorithm[algorithm.ordinal()] = digest;
        } else {
            digest.reset();
        }
        return digest;
    }
}
