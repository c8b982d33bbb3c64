package io.backupverify.engine.plan;

import java.util.Optional;

/**
 * A container (and optionally a folder prefix in it) in Azure Blob Storage.
 *
 * @param account       the storage account; may be left out when the credentials or the connection string name it
 * @param container     the container
 * @param prefix        the folder inside the container holding the backups; empty for the whole container
 * @param endpoint      the blob service URL, default {@code https://ACCOUNT.blob.core.windows.net}; for Azurite
 *                      {@code http://127.0.0.1:10000/devstoreaccount1}
 * @param credentialsId a shared key (azure-key) or shared access signature (azure-sas); without it the
 *                      connection string in AZURE_STORAGE_CONNECTION_STRING
 */
public record AzureTargetSpec(String account, String container, String prefix, String endpoint,
        String credentialsId) implements TargetSpec {
    @Override
    public String type() {
        return "azure";
    }

    /** The prefix as a folder: empty, or ending in exactly one {@code /}. */
    public String folderPrefix() {
        String trimmed = prefix == null ? "" : prefix.strip();
        trimmed = trimmed.replaceAll("^/+", "").replaceAll("/+$", "");
        return trimmed.isEmpty() ? "" : trimmed + "/";
    }

    @Override
    public String describe() {
        return "azure://" + (account == null ? "" : account + "/") + container + "/" + folderPrefix();
    }

    @Override
    public String provider() {
        return account == null ? type() : account;
    }

    @Override
    public Optional<KeyProblem> firstProblem() {
        if (container == null || container.isBlank()) {
            return Optional.of(new KeyProblem("container", "an azure target needs a container"));
        }
        if (endpoint != null && !endpoint.strip().matches("(?i)https?://[^/@\\s]+(/.*)?")) {
            return Optional.of(new KeyProblem("endpoint", "'" + endpoint + "' is not an http or https URL without a "
                    + "user or password, such as https://acmebackups.blob.core.windows.net"));
        }
        if (endpoint != null && endpoint.contains("?")) {
            return Optional.of(new KeyProblem("endpoint", "the endpoint must not hold a query (a SAS token belongs "
                    + "in the credentials, named by credentialsId)"));
        }
        return Optional.empty();
    }
}
