package io.backupverify.engine.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** How an OpenPGP encrypted message ({@code gpg --encrypt}, {@code gpg --symmetric}) begins (RFC 9580). */
public final class OpenPgpMessage {
    /** The first line of an ASCII-armored message ({@code gpg --armor}). */
    public static final String ARMOR_BEGIN = "-----BEGIN PGP MESSAGE-----";

    /** OpenPGP packet tags that open an encrypted message (RFC 9580 section 5). */
    private static final int TAG_PUBLIC_KEY_ESK = 1;
    private static final int TAG_SYMMETRIC_KEY_ESK = 3;

    private OpenPgpMessage() {
    }

    /** Whether the bytes begin an ASCII-armored OpenPGP message, encrypted or not. */
    public static boolean isArmored(byte[] head, int length) {
        byte[] begin = ARMOR_BEGIN.getBytes(StandardCharsets.US_ASCII);
        return length >= begin.length && Arrays.equals(head, 0, begin.length, begin, 0, begin.length);
    }

    /**
     * Whether the bytes begin an ASCII-armored OpenPGP <em>encrypted</em> message: the armor's first line, its header
     * lines, and a body whose first packet is one {@link #isBinary} accepts. {@code gpg --armor --sign} and
     * {@code gpg --armor --store} write the same first line around a message that is not encrypted at all (a signed
     * or a plain literal packet, readable by anyone; {@code gpg --sign -r KEY} without {@code --encrypt} only signs).
     */
    public static boolean isArmoredEncrypted(byte[] head, int length) {
        if (!isArmored(head, length)) {
            return false;
        }
        int skip = ARMOR_BEGIN.length();
        byte[] packet = firstBodyBytes(new String(head, skip, length - skip, StandardCharsets.US_ASCII));
        return packet.length > 0 && isBinary(packet, packet.length);
    }

    /**
     * The first bytes of an armored message's body, decoded: after the rest of the first line, the header lines
     * ({@code Version: ...}) up to the blank line, the base64 text. Empty when the head ends too early or the body is
     * not base64.
     */
    private static byte[] firstBodyBytes(String afterBegin) {
        String[] lines = afterBegin.split("\r?\n", -1);
        int at = 1;
        boolean headers = true;
        StringBuilder base64 = new StringBuilder();
        for (; at < lines.length - 1 && base64.length() < 16; at++) {
            String line = lines[at].strip();
            if (headers) {
                if (line.isEmpty()) {
                    headers = false;
                    continue;
                }
                if (line.contains(": ")) {
                    continue;
                }
                headers = false;
            }
            base64.append(line);
        }
        int usable = Math.min(16, base64.length() / 4 * 4);
        if (usable == 0) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(base64.substring(0, usable));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
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
