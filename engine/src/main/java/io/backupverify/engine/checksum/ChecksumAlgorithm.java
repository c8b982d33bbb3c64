package io.backupverify.engine.checksum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The digests checksum manifests carry. A manifest's name ({@code SHA256SUMS}, {@code x.sha256}), a BSD tag
 * ({@code SHA256 (name) = ...}) or the length of the hex digest tells which one a line uses.
 */
public enum ChecksumAlgorithm {
    MD5("MD5", 16, "md5", List.of("MD5")),
    SHA1("SHA-1", 20, "sha1", List.of("SHA1", "SHA-1")),
    SHA224("SHA-224", 28, "sha224", List.of("SHA224", "SHA2-224")),
    SHA256("SHA-256", 32, "sha256", List.of("SHA256", "SHA2-256")),
    SHA384("SHA-384", 48, "sha384", List.of("SHA384", "SHA2-384")),
    SHA512("SHA-512", 64, "sha512", List.of("SHA512", "SHA2-512"));

    private final String javaName;
    private final int digestBytes;
    private final String key;
    private final List<String> tags;

    ChecksumAlgorithm(String javaName, int digestBytes, String key, List<String> tags) {
        this.javaName = javaName;
        this.digestBytes = digestBytes;
        this.key = key;
        this.tags = tags;
    }

    /** The name used in messages and by {@link MessageDigest}: {@code SHA-256}. */
    public String displayName() {
        return javaName;
    }

    public int digestBytes() {
        return digestBytes;
    }

    public int hexLength() {
        return digestBytes * 2;
    }

    /** The sidecar ending for this algorithm: {@code .sha256}. */
    public String sidecarSuffix() {
        return "." + key;
    }

    /** The coreutils manifest name for this algorithm: {@code SHA256SUMS}. */
    public String manifestName() {
        return key.toUpperCase(Locale.ROOT) + "SUMS";
    }

    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(javaName + " is missing from this Java runtime", e);
        }
    }

    /** The algorithm a BSD tag names ({@code SHA256}, {@code SHA2-256}, {@code MD5}), ignoring case. */
    public static Optional<ChecksumAlgorithm> fromTag(String tag) {
        for (ChecksumAlgorithm algorithm : values()) {
            for (String known : algorithm.tags) {
                if (known.equalsIgnoreCase(tag)) {
                    return Optional.of(algorithm);
                }
            }
        }
        return Optional.empty();
    }

    /** The algorithm whose hex digest has this many characters. 64 is taken to be SHA-256, as sha256sum writes. */
    public static Optional<ChecksumAlgorithm> fromHexLength(int length) {
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.hexLength() == length) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /**
     * The algorithm a checksum file's name implies: {@code SHA256SUMS}, {@code sha256sums.txt},
     * {@code backup.tar.gz.sha256}, {@code MD5SUMS}. Empty for names that do not say ({@code CHECKSUMS}).
     */
    public static Optional<ChecksumAlgorithm> fromFileName(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (ChecksumAlgorithm algorithm : values()) {
            if (name.endsWith(algorithm.sidecarSuffix()) || name.startsWith(algorithm.key + "sums")
                    || name.startsWith(algorithm.key + "sum.") || name.equals(algorithm.key + "sum")) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /**
     * The algorithm a checksum file's name implies when it is one this product does not read: {@code B2SUMS} and
     * {@code x.b2} (b2sum: BLAKE2b), {@code B3SUMS} and {@code x.b3} (b3sum: BLAKE3). Their lines look like
     * SHA-512's or SHA-256's, so they must not be read by the length of their digests.
     */
    public static Optional<String> unsupportedFromFileName(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.startsWith("b2sum") || name.endsWith(".b2") || name.endsWith(".blake2")
                || name.endsWith(".blake2b")) {
            return Optional.of("BLAKE2b (b2sum)");
        }
        if (name.startsWith("b3sum") || name.endsWith(".b3") || name.endsWith(".blake3")) {
            return Optional.of("BLAKE3 (b3sum)");
        }
        return Optional.empty();
    }

    /** The algorithm a sidecar ending names, if the name ends in one: {@code x.tar.gz.sha512}. */
    public static Optional<ChecksumAlgorithm> fromSidecarName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        for (ChecksumAlgorithm algorithm : values()) {
            if (name.endsWith(algorithm.sidecarSuffix()) && name.length() > algorithm.sidecarSuffix().length()) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
