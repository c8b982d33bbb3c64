package io.backupverify.engine.format;

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
     * Whether {@code padding} zero bytes after the two-block marker, in an archive of {@code length} bytes, pad it to
     * a record: less than the default record of 20 blocks, or a record of a power of two blocks up to 2048 (the tape
     * blocking factors {@code tar -b} is given) that the archive's length is a whole number of.
     */
    public static boolean isRecordPadding(long length, long padding) {
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
