package io.backupverify.engine.credentials;

import java.util.Objects;

/**
 * AWS credentials: the access key id (an identifier, shown in messages), the secret access key, and the session
 * token of temporary credentials (empty for long-term keys).
 */
public record AwsKeys(String accessKeyId, SecretValue secretAccessKey, SecretValue sessionToken)
        implements CredentialValue {
    public AwsKeys {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        sessionToken = sessionToken == null ? SecretValue.of("") : sessionToken;
    }

    public boolean isTemporary() {
        return !sessionToken.isEmpty();
    }

    @Override
    public String kind() {
        return "AWS access key";
    }
}
