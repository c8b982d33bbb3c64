package io.backupverify.cli;

import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.credentials.CredentialsUnavailableException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the command line's credentials come from: the credentials file, or nothing. A target that names a
 * credentialsId the file lacks is an ERROR naming the id, never a fall-back to the platform's defaults.
 */
final class CommandLineCredentials {
    private CommandLineCredentials() {
    }

    /** A resolver over the credentials file, or one that explains no file was given when it is null. */
    static CredentialResolver resolver(Path file) throws UsageException {
        if (file == null || file.toString().isEmpty()) {
            return id -> {
                throw new CredentialsUnavailableException("credentials '" + id + "' were not found: no credentials "
                        + "file was given (--credentials FILE or BACKUP_VERIFY_CREDENTIALS)");
            };
        }
        Map<String, CredentialValue> values = CredentialsFile.load(file);
        return id -> {
            CredentialValue value = values.get(id);
            if (value == null) {
                throw new CredentialsUnavailableException("credentials '" + id + "' were not found in " + file);
            }
            return value;
        };
    }
}
