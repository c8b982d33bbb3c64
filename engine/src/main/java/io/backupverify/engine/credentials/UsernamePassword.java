package io.backupverify.engine.credentials;

import java.util.Objects;

/** A user name and password, for example for SFTP or a REST endpoint. */
public record UsernamePassword(String username, SecretValue password) implements CredentialValue {
    public UsernamePassword {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String kind() {
        return "username and password";
    }
}
