package io.backupverify.engine.credentials;

/**
 * Credentials a caller (the command line, Jenkins) hands the engine for one target. Each kind keeps its secrets in
 * {@link SecretValue}s, so printing or serializing a credential shows only what is not secret.
 */
public sealed interface CredentialValue permits UsernamePassword, SecretText, SshPrivateKey, SecretFile, AwsKeys,
        AzureSharedKey, AzureSas {
    /** The kind's name as messages show it, e.g. "username and password". */
    String kind();
}
