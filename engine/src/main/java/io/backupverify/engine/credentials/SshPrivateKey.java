package io.backupverify.engine.credentials;

import java.util.Objects;

/**
 * An SSH user with a private key (PEM or OpenSSH text) and the key's passphrase, which is empty when the key has none.
 */
public record SshPrivateKey(String username, SecretValue privateKey, SecretValue passphrase)
        implements CredentialValue {
    public SshPrivateKey {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(privateKey, "privateKey");
        passphrase = passphrase == null ? SecretValue.of("") : passphrase;
    }

    @Override
    public String kind() {
        return "SSH private key";
    }
}
