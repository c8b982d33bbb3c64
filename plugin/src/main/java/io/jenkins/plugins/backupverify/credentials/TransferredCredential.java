package io.jenkins.plugins.backupverify.credentials;

import io.backupverify.engine.credentials.AwsKeys;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.CredentialsUnavailableException;
import io.backupverify.engine.credentials.SecretFile;
import io.backupverify.engine.credentials.SecretText;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.credentials.SshPrivateKey;
import io.backupverify.engine.credentials.UsernamePassword;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;

/**
 * The plain values of one credential on their way from the controller to the agent that runs the verification, or
 * the reason they could not be had. Only JDK types inside, so it passes the agent channel's class filter. It is never
 * stored: not in build.xml, not in an action. {@link #toString()} shows no secret.
 */
public final class TransferredCredential implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public enum Kind { USERNAME_PASSWORD, SECRET_TEXT, SSH_KEY, SECRET_FILE, AWS, UNUSABLE }

    private final Kind kind;
    /** User name, file name or access key id; the reason for {@link Kind#UNUSABLE}. Never secret. */
    private final String name;
    private final String secret;
    /** SSH passphrase or AWS session token; empty when there is none. */
    private final String extra;
    private final byte[] content;

    private TransferredCredential(Kind kind, String name, String secret, String extra, byte[] content) {
        this.kind = kind;
        this.name = name == null ? "" : name;
        this.secret = secret == null ? "" : secret;
        this.extra = extra == null ? "" : extra;
        this.content = content == null ? new byte[0] : content.clone();
    }

    public static TransferredCredential usernamePassword(String username, String password) {
        return new TransferredCredential(Kind.USERNAME_PASSWORD, username, password, null, null);
    }

    public static TransferredCredential secretText(String text) {
        return new TransferredCredential(Kind.SECRET_TEXT, null, text, null, null);
    }

    public static TransferredCredential sshKey(String username, String privateKey, String passphrase) {
        return new TransferredCredential(Kind.SSH_KEY, username, privateKey, passphrase, null);
    }

    public static TransferredCredential secretFile(String fileName, byte[] bytes) {
        return new TransferredCredential(Kind.SECRET_FILE, fileName, null, null, bytes);
    }

    public static TransferredCredential awsKeys(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new TransferredCredential(Kind.AWS, accessKeyId, secretAccessKey, sessionToken, null);
    }

    /** Credentials that cannot be used; the reason names the id and holds no secret. */
    public static TransferredCredential unusable(String reason) {
        return new TransferredCredential(Kind.UNUSABLE, reason, null, null, null);
    }

    public boolean isUsable() {
        return kind != Kind.UNUSABLE;
    }

    public Kind kind() {
        return kind;
    }

    /** The engine's value, made on the agent. */
    public CredentialValue toEngineValue() throws CredentialsUnavailableException {
        return switch (kind) {
            case USERNAME_PASSWORD -> new UsernamePassword(name, SecretValue.of(secret));
            case SECRET_TEXT -> new SecretText(SecretValue.of(secret));
            case SSH_KEY -> new SshPrivateKey(name, SecretValue.of(secret), SecretValue.of(extra));
            case SECRET_FILE -> new SecretFile(name, SecretValue.ofBytes(content));
            case AWS -> new AwsKeys(name, SecretValue.of(secret), SecretValue.of(extra));
            case UNUSABLE -> throw new CredentialsUnavailableException(name);
        };
    }

    /** Looks the plan's ids up in the values sent along; an id that was not sent is reported as not found. */
    public static CredentialResolver resolverOf(Map<String, TransferredCredential> values) {
        return id -> {
            TransferredCredential value = values.get(id);
            if (value == null) {
                throw CredentialsUnavailableException.notFound(id);
            }
            return value.toEngineValue();
        };
    }

    @Override
    public String toString() {
        return kind == Kind.UNUSABLE ? "unusable credentials: " + name : kind + " " + SecretValue.MASK;
    }
}
