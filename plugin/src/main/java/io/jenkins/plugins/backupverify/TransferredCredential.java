package io.jenkins.plugins.backupverify;

import io.backupverify.engine.credentials.AwsKeys;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.CredentialsUnavailableException;
import io.backupverify.engine.credentials.SecretFile;
import io.backupverify.engine.credentials.SecretText;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.credentials.SshPrivateKey;
import io.backupverify.engine.credentials.UsernamePassword;
import java.io.Serial;
import java.io.Serializable;

/**
 * The plain values of one credential on their way from the controller to the agent that runs the verification, or
 * the reason they could not be had. Only JDK types inside, so it passes the agent channel's class filter. It is never
 * stored: not in build.xml, not in an action. {@link #toString()} shows no secret.
 */
final class TransferredCredential implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    enum Kind { USERNAME_PASSWORD, SECRET_TEXT, SSH_KEY, SECRET_FILE, AWS, UNUSABLE }

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

    static TransferredCredential usernamePassword(String username, String password) {
        return new TransferredCredential(Kind.USERNAME_PASSWORD, username, password, null, null);
    }

    static TransferredCredential secretText(String text) {
        return new TransferredCredential(Kind.SECRET_TEXT, null, text, null, null);
    }

    static TransferredCredential sshKey(String username, String privateKey, String passphrase) {
        return new TransferredCredential(Kind.SSH_KEY, username, privateKey, passphrase, null);
    }

    static TransferredCredential secretFile(String fileName, byte[] bytes) {
        return new TransferredCredential(Kind.SECRET_FILE, fileName, null, null, bytes);
    }

    static TransferredCredential awsKeys(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new TransferredCredential(Kind.AWS, accessKeyId, secretAccessKey, sessionToken, null);
    }

    /** Credentials that cannot be used; the reason names the id and holds no secret. */
    static TransferredCredential unusable(String reason) {
        return new TransferredCredential(Kind.UNUSABLE, reason, null, null, null);
    }

    boolean isUsable() {
        return kind != Kind.UNUSABLE;
    }

    Kind kind() {
        return kind;
    }

    /** The engine's value, made on the agent. */
    CredentialValue toEngineValue() throws CredentialsUnavailableException {
        return switch (kind) {
            case USERNAME_PASSWORD -> new UsernamePassword(name, SecretValue.of(secret));
            case SECRET_TEXT -> new SecretText(SecretValue.of(secret));
            case SSH_KEY -> new SshPrivateKey(name, SecretValue.of(secret), SecretValue.of(extra));
            case SECRET_FILE -> new SecretFile(name, SecretValue.ofBytes(content));
            case AWS -> new AwsKeys(name, SecretValue.of(secret), SecretValue.of(extra));
            case UNUSABLE -> throw new CredentialsUnavailableException(name);
        };
    }

    @Override
    public String toString() {
        return kind == Kind.UNUSABLE ? "unusable credentials: " + name : kind + " " + SecretValue.MASK;
    }
}
