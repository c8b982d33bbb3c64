package io.backupverify.engine.credentials;

import java.util.Objects;

/**
 * A shared access signature for Azure Storage: the account it belongs to (may be empty when the target names it)
 * and the SAS token (secret), with or without its leading {@code ?}.
 */
public record AzureSas(String account, SecretValue token) implements CredentialValue {
    public AzureSas {
        account = account == null ? "" : account;
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String kind() {
        return "Azure shared access signature";
    }
}
