package io.backupverify.engine.checksum;

import java.util.HexFormat;
import java.util.Objects;

/**
 * One line of a checksum manifest: the file it names (as written, escapes undone; empty for a sidecar that holds
 * only a digest), the algorithm and the expected digest, kept as bytes to stay small.
 */
public final class ManifestEntry {
    private final String name;
    private final ChecksumAlgorithm algorithm;
    private final byte[] digest;
    private final int line;

    public ManifestEntry(String name, ChecksumAlgorithm algorithm, byte[] digest, int line) {
        this.name = Objects.requireNonNull(name, "name");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        if (digest.length != algorithm.digestBytes()) {
            throw new IllegalArgumentException("a " + algorithm.displayName() + " digest has "
                    + algorithm.digestBytes() + " bytes, not " + digest.length);
        }
        this.digest = digest.clone();
        this.line = line;
    }

    /** The file name as the manifest writes it; empty when the line holds only a digest. */
    public String name() {
        return name;
    }

    public ChecksumAlgorithm algorithm() {
        return algorithm;
    }

    public byte[] digest() {
        return digest.clone();
    }

    /** Whether a computed digest equals the expected one. */
    public boolean matches(byte[] computed) {
        return java.security.MessageDigest.isEqual(digest, computed);
    }

    public String digestHex() {
        return HexFormat.of().formatHex(digest);
    }

    /** The 1-based line of the manifest this entry comes from. */
    public int line() {
        return line;
    }

    @Override
    public String toString() {
        return algorithm.displayName() + " " + digestHex() + " " + name + " (line " + line + ")";
    }
}
