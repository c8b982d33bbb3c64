package io.backupverify.engine.check.encryption;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises an encrypted file by its first bytes: age (binary and armored), OpenPGP encrypted messages (binary
 * and armored) and files written by {@code openssl enc} with a salt. Anything else is taken as not encrypted: a
 * file that merely looks random is not evidence of encryption.
 */
final class EncryptedContent {
    /** How many leading bytes {@link #recognise} needs. */
    static final int HEAD_BYTES = 64;

    private static final byte[] AGE = ascii("age-encryption.org/v1\n");
    private static final byte[] AGE_ARMOR = ascii("-----BEGIN AGE ENCRYPTED FILE-----");
    private static final byte[] PGP_ARMOR = ascii("-----BEGIN PGP MESSAGE-----");
    private static final byte[] OPENSSL_SALTED = ascii("Salted__");

    /** OpenPGP packet tags that open an encrypted message (RFC 9580 section 5). */
    private static final int TAG_PUBLIC_KEY_ESK = 1;
    private static final int TAG_SYMMETRIC_KEY_ESK = 3;

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
        if (startsWith(bytes, PGP_ARMOR) || isOpenPgpEncrypted(bytes)) {
            return Optional.of("openpgp");
        }
        return Optional.empty();
    }

    /**
     * Whether the bytes open with an OpenPGP public-key or symmetric-key encrypted session key packet of a known
     * version: what {@code gpg --encrypt} and {@code gpg --symmetric} write first.
     */
    private static boolean isOpenPgpEncrypted(byte[] bytes) {
        if (bytes.length < 3 || (bytes[0] & 0x80) == 0) {
            return false;
        }
        int first = bytes[0] & 0xFF;
        int tag;
        int bodyStart;
        if ((first & 0x40) != 0) {
            tag = first & 0x3F;
            int lengthOctet = bytes[1] & 0xFF;
            bodyStart = lengthOctet < 192 ? 2 : lengthOctet < 224 ? 3 : lengthOctet == 255 ? 6 : -1;
        } else {
            tag = (first >> 2) & 0x0F;
            int lengthType = first & 0x03;
            bodyStart = lengthType == 0 ? 2 : lengthType == 1 ? 3 : lengthType == 2 ? 5 : -1;
        }
        if (bodyStart < 0 || bodyStart >= bytes.length) {
            return false;
        }
        int version = bytes[bodyStart] & 0xFF;
        return tag == TAG_PUBLIC_KEY_ESK && (version == 3 || version == 6)
                || tag == TAG_SYMMETRIC_KEY_ESK && (version == 4 || version == 5 || version == 6);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
