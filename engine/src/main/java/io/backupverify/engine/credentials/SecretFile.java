package io.backupverify.engine.credentials;

import java.util.Objects;

/** A secret file: its name (not secret) and its content (secret), e.g. a key file or a cloud credentials file. */
public record SecretFile(String fileName, SecretValue content) implements CredentialValue {
    public SecretFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String kind() {
        return "secret file";
    }
}
