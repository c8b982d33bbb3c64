package io.backupverify.engine.credentials;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret (password, token, key, file content) that only code which needs it can read, through {@link #reveal()}
 * or {@link #revealBytes()}. It prints and serializes as {@value #MASK}, so it cannot slip into a log line, an
 * exception message or a JSON report by accident. It is deliberately not {@link java.io.Serializable}.
 */
public final class SecretValue {
    public static final String MASK = "****";

    private final byte[] bytes;

    private SecretValue(byte[] bytes) {
        this.bytes = bytes;
    }

    public static SecretValue of(String text) {
        return new SecretValue(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    public static SecretValue ofBytes(byte[] content) {
        return new SecretValue(Objects.requireNonNull(content, "content").clone());
    }

    /** The secret as text (UTF-8). Never log or report the result. */
    public String reveal() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A copy of the secret's bytes. Never log or report the result. */
    public byte[] revealBytes() {
        return bytes.clone();
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public int length() {
        return bytes.length;
    }

    @JsonValue
    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretValue secret && MessageDigest.isEqual(secret.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
