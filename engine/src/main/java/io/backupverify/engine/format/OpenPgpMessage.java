package io.backupverify.engine.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** How an OpenPGP encrypted message ({@code gpg --encrypt}, {@code gpg --symmetric}) begins (RFC 9580). */
public final class OpenPgpMessage {
    /** The first line of an ASCII-armored message ({@code gpg --armor}). */
    public static final String ARMOR_BEGIN = "-----BEGIN PGP MESSAGE-----";

    /** OpenPGP packet tags that open an encrypted message (RFC 9580 section 5). */
    private static final int TAG_PUBLIC_KEY_ESK = 1;
    private static final int TAG_SYMMETRIC_KEY_ESK = 3;

    private OpenPgpMessage() {
    }

    /** Whether the bytes begin an ASCII-armored OpenPGP message. */
    public static boolean isArmored(byte[] head, int length) {
        byte[] begin = ARMOR_BEGIN.getBytes(StandardCharsets.US_ASCII);
        return length >= begin.length && Arrays.equals(head, 0, begin.length, begin, 0, begin.length);
    }

    /**
     * Whether the bytes open with an OpenPGP public-key or symmetric-key encrypted session key packet of a known
     * version: what {@code gpg --encrypt} and {@code gpg --symmetric} write first.
     */
    public static boolean isBinary(byte[] bytes, int length) {
        if (length < 3 || (bytes[0] & 0x80) == 0) {
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
        if (bodyStart < 0 || bodyStart >= length) {
            return false;
        }
        int version = bytes[bodyStart] & 0xFF;
        return tag == TAG_PUBLIC_KEY_ESK && (version == 3 || version == 6)
                || tag == TAG_SYMMETRIC_KEY_ESK && (version == 4 || version == 5 || version == 6);
    }
}
