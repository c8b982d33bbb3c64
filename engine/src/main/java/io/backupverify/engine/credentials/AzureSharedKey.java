package io.backupverify.engine.credentials;

import java.util.Objects;

/** An Azure Storage account name (shown in messages) and one of its shared keys (secret). */
public record AzureSharedKey(String account, SecretValue key) implements CredentialValue {
    public AzureSharedKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String kind() {
        return "Azure shared key";
    }
}
