package io.backupverify.engine.target;

import io.backupverify.engine.checksum.ChecksumAlgorithm;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A checksum the storage keeps for a file and reports without the file being read, such as S3's
 * {@code x-amz-checksum-sha256} or the MD5 a single-part upload's ETag is.
 *
 * @param algorithm the digest
 * @param digest    its value
 * @param source    where it came from, for reports: {@code x-amz-checksum-sha256}, {@code ETag}
 */
public record StoredChecksum(ChecksumAlgorithm algorithm, byte[] digest, String source) {
    public StoredChecksum {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(source, "source");
        if (digest == null || digest.length != algorithm.digestBytes()) {
            throw new IllegalArgumentException(source + " is not a " + algorithm.displayName() + " digest");
        }
        digest = digest.clone();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(digest);
    }
}
