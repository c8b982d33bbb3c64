package io.backupverify.engine.check.readable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Walks the packets of an OpenPGP encrypted message (RFC 9580 section 4.2) to the end of the file without its key:
 * every packet's length, and each chunk of a packet written in parts (as gpg writes the encrypted data of a stream),
 * must fit in the file, the last part of such a packet must be marked as the last, and the file must end where its
 * last packet ends. An armored message ({@code gpg --armor}) must end with its END line, and its checksum line, when
 * there is one, must match. A message cut short (a disk that filled up, a copy or upload cut off) fails here, as
 * {@code gpg --decrypt} would fail on it. What the message holds cannot be read without the key.
 */
final class OpenPgpWalker {
    /** The packets that open an encrypted message: public-key and symmetric-key encrypted session keys. */
    private static final int TAG_PUBLIC_KEY_ESK = 1;
    private static final int TAG_SYMMETRIC_KEY_ESK = 3;
    private static final String ARMOR_END = "-----END PGP MESSAGE-----";

    private final InputStream in;
    private final byte[] buffer;
    private long position;

    private OpenPgpWalker(InputStream in, byte[] buffer) {
        this.in = in;
        this.buffer = buffer;
    }

    /** Walks a binary message; its description when whole. */
    static String walkBinary(InputStream in, byte[] buffer) throws IOException {
        return new OpenPgpWalker(in, buffer).walk();
    }

    /** Walks an armored message: its END line, its checksum, and the packets its base64 lines hold. */
    static String walkArmored(InputStream in, byte[] buffer) throws IOException {
        Armor armor = new Armor(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
        Crc24Input decoded = new Crc24Input(Base64.getMimeDecoder().wrap(armor));
        String packets = new OpenPgpWalker(decoded, buffer).walk();
        armor.finish();
        if (armor.checksum != null) {
            byte[] expected;
            try {
                expected = Base64.getDecoder().decode(armor.checksum);
            } catch (IllegalArgumentException e) {
                throw new BrokenFileException("the armored OpenPGP message's checksum line is not base64");
            }
            int wanted = (expected[0] & 0xFF) << 16 | (expected[1] & 0xFF) << 8 | expected[2] & 0xFF;
            if (wanted != decoded.value()) {
                throw new BrokenFileException("the armored OpenPGP message does not match its checksum line: its "
                        + "text was changed");
            }
        }
        return "armored, " + packets;
    }

    private String walk() throws IOException {
        long packets = 0;
        boolean encryptedData = false;
        int firstTag = -1;
        int first;
        while ((first = in.read()) >= 0) {
            long start = position++;
            if ((first & 0x80) == 0) {
                throw new BrokenFileException("byte " + start + " does not begin an OpenPGP packet (0x"
                        + Integer.toHexString(first) + "): the message is corrupt, or something follows it");
            }
            int tag;
            if ((first & 0x40) != 0) {
                tag = first & 0x3F;
                newFormatBody(tag, start);
            } else {
                tag = (first >> 2) & 0x0F;
                int lengthType = first & 0x03;
                if (lengthType == 3) {
                    // An old-format packet of indeterminate length runs to the end of the file.
                    while (skip(Long.MAX_VALUE) > 0) {
                        // to the end
                    }
                } else {
                    skipAll(number(lengthType == 0 ? 1 : lengthType == 1 ? 2 : 4, tag, start), tag, start);
                }
            }
            packets++;
            firstTag = firstTag < 0 ? tag : firstTag;
            encryptedData |= tag == 9 || tag == 18 || tag == 20;
        }
        if (!encryptedData && firstTag != TAG_PUBLIC_KEY_ESK && firstTag != TAG_SYMMETRIC_KEY_ESK && packets > 0) {
            // gpg --armor --sign or --store: an OpenPGP message, but not an encrypted one; its packets are whole
            return "OpenPGP message that is not encrypted (signed or stored: its first packet has tag " + firstTag
                    + "), " + packets + (packets == 1 ? " packet" : " packets") + " whole to the end of the file; "
                    + "what it holds is not read here";
        }
        if (!encryptedData) {
            throw new BrokenFileException("an OpenPGP message of " + packets + " packet" + (packets == 1 ? "" : "s")
                    + " without its encrypted data packet: the file ends at byte " + position + " after the keys "
                    + "that open it, so it was cut short");
        }
        return "OpenPGP encrypted message, " + packets + " packets whole to the end of the file; what it holds "
                + "cannot be read without its key";
    }

    /** A new-format packet's body: one length, or parts each followed by the next length until the last. */
    private void newFormatBody(int tag, long start) throws IOException {
        while (true) {
            int octet = octet(tag, start);
            if (octet < 192) {
                skipAll(octet, tag, start);
                return;
            }
            if (octet < 224) {
                skipAll(((octet - 192) << 8) + octet(tag, start) + 192, tag, start);
                return;
            }
            if (octet == 255) {
                skipAll(number(4, tag, start), tag, start);
                return;
            }
            skipAll(1L << (octet & 0x1F), tag, start);
        }
    }

    private long number(int octets, int tag, long start) throws IOException {
        long value = 0;
        for (int i = 0; i < octets; i++) {
            value = (value << 8) | octet(tag, start);
        }
        return value;
    }

    private int octet(int tag, long start) throws IOException {
        int value = in.read();
        if (value < 0) {
            throw cutShort(tag, start);
        }
        position++;
        return value;
    }

    private void skipAll(long count, int tag, long start) throws IOException {
        long left = count;
        while (left > 0) {
            long read = skip(left);
            if (read < 0) {
                throw cutShort(tag, start);
            }
            left -= read;
        }
    }

    /** Reads up to {@code count} bytes; -1 at the end of the file. */
    private long skip(long count) throws IOException {
        int read = in.read(buffer, 0, (int) Math.min(count, buffer.length));
        if (read > 0) {
            position += read;
        }
        return read;
    }

    private BrokenFileException cutShort(int tag, long start) {
        return new BrokenFileException("the OpenPGP packet (tag " + tag + ") that begins at byte " + start
                + " of the message is cut short: the file ends at byte " + position + " before the packet does");
    }

    /**
     * The base64 of an armored message: the header lines up to the first blank line are passed over, the body runs
     * to the checksum line ({@code =XXXX}) or the END line; what was decoded is checked against the checksum.
     */
    private static final class Armor extends InputStream {
        private final BufferedReader lines;
        private byte[] current = new byte[0];
        private int next;
        private boolean bodyEnded;
        private String checksum;

        Armor(BufferedReader lines) throws IOException {
            this.lines = lines;
            String line = lines.readLine();
            if (line == null || !line.strip().equals(io.backupverify.engine.format.OpenPgpMessage.ARMOR_BEGIN)) {
                throw new BrokenFileException("the armored OpenPGP message does not begin with its BEGIN line");
            }
            while ((line = lines.readLine()) != null && !line.isBlank()) {
                // armor headers (Version:, Comment:)
            }
            if (line == null) {
                throw new BrokenFileException("the armored OpenPGP message ends in its headers: the file was cut "
                        + "short");
            }
        }

        @Override
        public int read() throws IOException {
            while (next >= current.length) {
                if (!nextLine()) {
                    return -1;
                }
            }
            return current[next++] & 0xFF;
        }

        private boolean nextLine() throws IOException {
            if (bodyEnded) {
                return false;
            }
            String line = lines.readLine();
            if (line == null) {
                throw new BrokenFileException("the armored OpenPGP message has no END line (" + ARMOR_END + "): "
                        + "the file was cut short");
            }
            line = line.strip();
            if (line.startsWith("=") && line.length() == 5) {
                checksum = line.substring(1);
                line = lines.readLine();
                if (line == null || !line.strip().equals(ARMOR_END)) {
                    throw new BrokenFileException("the armored OpenPGP message has no END line (" + ARMOR_END
                            + ") after its checksum: the file was cut short or changed");
                }
                bodyEnded = true;
                return false;
            }
            if (line.equals(ARMOR_END)) {
                bodyEnded = true;
                return false;
            }
            current = line.getBytes(StandardCharsets.US_ASCII);
            next = 0;
            return true;
        }

        /** After the packets: nothing but white space after the END line, and the checksum matches. */
        void finish() throws IOException {
            // The decoder stops at the body's padding (=), before the checksum and END lines.
            while (next < current.length || nextLine()) {
                if (next < current.length) {
                    throw new BrokenFileException("the armored OpenPGP message holds more base64 after the end of "
                            + "its packets");
                }
            }
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    throw new BrokenFileException("the armored OpenPGP message is followed by more text: \""
                            + (line.length() > 40 ? line.substring(0, 40) + "..." : line) + "\"");
                }
            }
        }
    }

    /** The decoded bytes as they pass, with the armor checksum of RFC 9580 section 6.1 over them. */
    private static final class Crc24Input extends java.io.FilterInputStream {
        private int crc = 0xB704CE;

        Crc24Input(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                update(b);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int count) throws IOException {
            int read = super.read(bytes, offset, count);
            for (int i = 0; i < read; i++) {
                update(bytes[offset + i]);
            }
            return read;
        }

        private void update(int b) {
            crc ^= (b & 0xFF) << 16;
            for (int i = 0; i < 8; i++) {
                crc <<= 1;
                if ((crc & 0x1000000) != 0) {
                    crc ^= 0x1864CFB;
                }
            }
        }

        int value() {
            return crc & 0xFFFFFF;
        }
    }
}
