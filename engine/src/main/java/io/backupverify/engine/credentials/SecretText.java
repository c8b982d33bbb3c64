package io.backupverify.engine.credentials;

import java.util.Objects;

/** A single secret string: a token, a repository password, an encryption key. */
public record SecretText(SecretValue secret) implements CredentialValue {
    public SecretText {
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String kind() {
        return "secret text";
    }
}
