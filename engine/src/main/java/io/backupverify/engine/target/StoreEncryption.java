package io.backupverify.engine.target;

import java.io.IOException;
import java.util.Optional;

/**
 * A store that encrypts what it keeps (S3 server-side encryption, Azure storage encryption, restic
 * repositories) and can say so for each file.
 */
public interface StoreEncryption {
    /** How the store encrypts this file at rest, such as {@code SSE-KMS}, or empty when it does not. */
    Optional<String> encryptionAtRest(String path) throws IOException;

    /** How the store encrypts new files by default, or empty when it does not. */
    Optional<String> defaultEncryption() throws IOException;
}
