package io.backupverify.engine.check.encryption;

import io.backupverify.engine.format.OpenPgpMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises an encrypted file by its first bytes: age (binary and armored), OpenPGP encrypted messages (binary
 * and armored) and files written by {@code openssl enc} with a salt. Anything else is taken as not encrypted: a
 * file that merely looks random is not evidence of encryption.
 */
final class EncryptedContent {
    /** How many leading bytes {@link #recognise} needs (an armored message's header lines come before its body). */
    static final int HEAD_BYTES = 1024;

    private static final byte[] AGE = ascii("age-encryption.org/v1\n");
    private static final byte[] AGE_ARMOR = ascii("-----BEGIN AGE ENCRYPTED FILE-----");
    private static final byte[] OPENSSL_SALTED = ascii("Salted__");

    private EncryptedContent() {
    }

    /** The format that encrypted this content, or empty when it is not recognisably encrypted. */
    static Optional<String> recognise(byte[] head, int length) {
        byte[] bytes = Arrays.copyOf(head, Math.min(length, head.length));
        if (startsWith(bytes, AGE) || startsWith(bytes, AGE_ARMOR)) {
            return Optional.of("age");
        }
        if (startsWith(bytes, OPENSSL_SALTED) && bytes.length >= 16) {
            return Optional.of("openssl-enc");
        }
        if (OpenPgpMessage.isArmoredEncrypted(bytes, bytes.length) || OpenPgpMessage.isBinary(bytes, bytes.length)) {
            return Optional.of("openpgp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
