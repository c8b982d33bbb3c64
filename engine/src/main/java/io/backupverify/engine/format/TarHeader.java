package io.backupverify.engine.format;

/** The first block of a tar entry: how to tell one, and its octal fields. */
public final class TarHeader {
    public static final int BLOCK = 512;

    private TarHeader() {
    }

    /** Whether the first block is a tar header: the ustar magic, or a valid header checksum (v7 archives). */
    public static boolean looksLikeTar(byte[] head, int length) {
        if (length < BLOCK) {
            return false;
        }
        if (head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a' && head[261] == 'r') {
            return true;
        }
        return head[0] != 0 && checksumMatches(head);
    }

    /** Whether the header's stored checksum matches its bytes (summed unsigned, or signed as some old tars did). */
    public static boolean checksumMatches(byte[] header) {
        long stored = octal(header, 148, 156);
        if (stored <= 0) {
            return false;
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : header[i];
            unsigned += b & 0xff;
            signed += (byte) b;
        }
        return stored == unsigned || stored == signed;
    }

    /** An octal number field, NUL- or space-terminated, leading spaces allowed; -1 when it holds another character. */
    public static long octal(byte[] header, int from, int to) {
        long value = 0;
        boolean digits = false;
        for (int i = from; i < to; i++) {
            byte b = header[i];
            if (b == 0 || b == ' ' && digits) {
                break;
            }
            if (b == ' ') {
                continue;
            }
            if (b < '0' || b > '7') {
                return -1;
            }
            value = value * 8 + (b - '0');
            digits = true;
        }
        return value;
    }
}
