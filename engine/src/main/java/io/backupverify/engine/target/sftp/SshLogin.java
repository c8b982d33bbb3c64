package io.backupverify.engine.target.sftp;

import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.credentials.SshPrivateKey;
import io.backupverify.engine.credentials.UsernamePassword;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Who logs in to an SFTP server and how: an SSH key (Ed25519, ECDSA, RSA; OpenSSH or PEM text, with or without a
 * passphrase) or a password. Messages name the credentials id or the key file, never a secret.
 */
record SshLogin(String username, List<KeyPair> keys, SecretValue password, String describedAs) {
    /** The keys ssh itself tries when none is configured, in its order. */
    private static final List<String> DEFAULT_KEY_FILES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    /**
     * The login for a target: the credentials its credentialsId named, else the plan's user name (or the user
     * running the check) with the unencrypted keys in {@code ~/.ssh}.
     */
    static SshLogin of(String credentialsId, Optional<CredentialValue> credentials, String planUser)
            throws IOException {
        if (credentials.isPresent()) {
            CredentialValue value = credentials.get();
            String what = "credentials '" + credentialsId + "'";
            if (value instanceof SshPrivateKey key) {
                return new SshLogin(key.username(), parse(key.privateKey(), key.passphrase(), what), null, what);
            }
            if (value instanceof UsernamePassword login) {
                return new SshLogin(login.username(), List.of(), login.password(), what);
            }
            throw new IOException(what + " are " + value.kind()
                    + ", but an SFTP target needs an SSH private key or a user name and password");
        }
        String user = planUser == null || planUser.isBlank() ? System.getProperty("user.name") : planUser;
        Path sshDir = Path.of(System.getProperty("user.home"), ".ssh");
        List<KeyPair> keys = new ArrayList<>();
        for (String name : DEFAULT_KEY_FILES) {
            Path file = sshDir.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    keys.addAll(parse(SecretValue.ofBytes(Files.readAllBytes(file)), SecretValue.of(""),
                            "the key file " + file));
                } catch (IOException e) {
                    // A key with a passphrase cannot be used without credentials; ssh would ask, a check cannot.
                }
            }
        }
        return new SshLogin(user, keys, null, "the keys in " + sshDir);
    }

    private static List<KeyPair> parse(SecretValue keyText, SecretValue passphrase, String what) throws IOException {
        FilePasswordProvider password = passphrase.isEmpty() ? FilePasswordProvider.EMPTY
                : FilePasswordProvider.of(passphrase.reveal());
        List<KeyPair> keys = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(keyText.revealBytes())) {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("private key"),
                    in, password);
            if (loaded != null) {
                loaded.forEach(keys::add);
            }
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new IOException("the SSH private key of " + what + " cannot be read: it is not an OpenSSH or PEM "
                    + "private key, or its passphrase is missing or wrong");
        }
        if (keys.isEmpty()) {
            throw new IOException("the SSH private key of " + what + " holds no key");
        }
        return keys;
    }

    boolean hasNoMethod() {
        return keys.isEmpty() && password == null;
    }
}
