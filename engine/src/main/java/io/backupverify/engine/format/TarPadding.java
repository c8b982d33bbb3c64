package io.backupverify.engine.format;

import java.io.IOException;
import java.io.InputStream;

/**
 * What may follow a tar archive's end-of-archive marker (two zero blocks): zeros padding the archive to a whole
 * record, nothing else. tar stops at the first zero block where a header should be and exits 0, so a longer run of
 * zeros (a tail zeroed or never written: a crash after the space was allocated, a copy that preallocated the file)
 * or other bytes (blocks zeroed inside the archive, a second archive appended with {@code cat}) hide entries that tar
 * neither lists nor extracts.
 */
public final class TarPadding {
    /** GNU tar's and bsdtar's record: 20 blocks. */
    private static final long DEFAULT_RECORD = 20L * TarHeader.BLOCK;
    /** The largest record considered: 2048 blocks ({@code tar -b 2048}, 1 MiB). */
    private static final long MAX_RECORD = 2048L * TarHeader.BLOCK;

    private TarPadding() {
    }

    /**
     * What follows an archive's end-of-archive marker.
     *
     * @param dataAt the offset of the first byte after the marker that is not zero, or -1 when only zeros follow
     * @param end    the offset where reading stopped: that byte, or the archive's length when only zeros follow
     */
    public record Trailer(long dataAt, long end) {
        /** Whether only zeros follow the marker that starts at {@code marker}, no more than pad it to a record. */
        public boolean isPadding(long marker) {
            return dataAt < 0 && isRecordPadding(end, end - marker - 2L * TarHeader.BLOCK);
        }
    }

    /**
     * Reads what follows the end-of-archive marker from {@code in}, which is at offset {@code position}, up to its
     * first byte that is not zero, else to its end.
     */
    public static Trailer read(InputStream in, long position, byte[] buffer) throws IOException {
        long at = position;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] != 0) {
                    return new Trailer(at + i, at + i);
                }
            }
            at += n;
        }
        return new Trailer(-1, at);
    }

    /**
     * Whether {@code padding} zero bytes after the two-block marker, in an archive of {@code length} bytes, pad it to
     * a record: less than the default record of 20 blocks, or a record of a power of two blocks up to 2048 (the tape
     * blocking factors {@code tar -b} is given) that the archive's length is a whole number of.
     */
    static boolean isRecordPadding(long length, long padding) {
        if (padding < DEFAULT_RECORD) {
            return true;
        }
        for (long record = 32L * TarHeader.BLOCK; record <= MAX_RECORD; record *= 2) {
            if (length % record == 0 && padding < record) {
                return true;
            }
        }
        return false;
    }
}
