package io.backupverify.engine.plan;

import java.util.Locale;

/**
 * How integrity compares files with their manifest: {@code full} reads every byte and hashes it; {@code stored}
 * compares with the checksums the storage keeps (S3's x-amz-checksum-sha256, a single-part ETag's MD5) without
 * downloading, and so trusts the storage.
 */
public enum IntegrityMode {
    FULL, STORED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IntegrityMode fromKey(String key) {
        for (IntegrityMode mode : values()) {
            if (mode.key().equals(key)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not an integrity mode; use full or stored");
    }
}
