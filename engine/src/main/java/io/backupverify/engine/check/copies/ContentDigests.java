package io.backupverify.engine.check.copies;

import io.backupverify.engine.checksum.ChecksumAlgorithm;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Reads a file on a target through SHA-256. */
final class ContentDigests {
    private static final int BUFFER = 256 * 1024;

    private ContentDigests() {
    }

    static String sha256(Target target, String path) throws IOException {
        MessageDigest digest = ChecksumAlgorithm.SHA256.newDigest();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = target.open(path)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
