package io.backupverify.engine.check.encryption;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads how a borg 1.x segment file ({@code data/<n>/<segment>}) begins: the magic {@code BORG_SEG}, then entries of a
 * CRC-32, a little-endian size (header included) and a tag (0 PUT, 1 DELETE, 2 COMMIT); a PUT holds a 32-byte chunk id
 * and the chunk, whose first byte names the key type that stored it.
 */
final class BorgSegment {
    private static final byte[] MAGIC = "BORG_SEG".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 9;
    private static final int ID = 32;
    private static final int TAG_PUT = 0;
    /** Entries before the first PUT are small (deletes, commits); this many bytes of them at most are skipped. */
    private static final long MAX_SKIPPED = 1 << 20;

    private BorgSegment() {
    }

    /** The key type byte of the first chunk in the segment; -1 when it holds none near its start or is no segment. */
    static int firstChunkType(InputStream in) throws IOException {
        if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
            return -1;
        }
        long skipped = 0;
        while (true) {
            byte[] header = in.readNBytes(HEADER);
            if (header.length < HEADER) {
                return -1;
            }
            long size = (header[4] & 0xFFL) | (header[5] & 0xFFL) << 8 | (header[6] & 0xFFL) << 16
                    | (header[7] & 0xFFL) << 24;
            if (size < HEADER) {
                return -1;
            }
            if (header[8] == TAG_PUT) {
                if (size <= HEADER + ID || in.readNBytes(ID).length < ID) {
                    return -1;
                }
                return in.read();
            }
            long rest = size - HEADER;
            if (skipped + rest > MAX_SKIPPED || in.readNBytes((int) rest).length < rest) {
                return -1;
            }
            skipped += size;
        }
    }
}
