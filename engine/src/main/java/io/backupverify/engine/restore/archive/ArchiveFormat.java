package io.backupverify.engine.restore.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** Archive formats told apart by content (magic bytes), not by file name. */
enum ArchiveFormat {
    ZIP("zip"), TAR("tar"), GZIP("gzip"), BZIP2("bzip2"), XZ("xz"), ZSTD("zstd"), UNKNOWN("unknown");

    /** Bytes enough to tell every format, tar's magic at offset 257 included. */
    static final int HEADER_BYTES = 512;

    private final String label;

    ArchiveFormat(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean isCompression() {
        return this == GZIP || this == BZIP2 || this == XZ || this == ZSTD;
    }

    static ArchiveFormat detect(byte[] header, int length) {
        if (startsWith(header, length, 0x50, 0x4b, 0x03, 0x04) || startsWith(header, length, 0x50, 0x4b, 0x05, 0x06)
                || startsWith(header, length, 0x50, 0x4b, 0x07, 0x08)) {
            return ZIP;
        }
        if (startsWith(header, length, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (startsWith(header, length, 'B', 'Z', 'h')) {
            return BZIP2;
        }
        if (startsWith(header, length, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
            return XZ;
        }
        if (startsWith(header, length, 0x28, 0xb5, 0x2f, 0xfd)) {
            return ZSTD;
        }
        if (length >= 263 && TarArchiveInputStream.matches(Arrays.copyOf(header, length), length)) {
            return TAR;
        }
        return UNKNOWN;
    }

    /** The decompressed stream; concatenated streams (pigz, pbzip2, multi-frame zstd) are read whole. */
    InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case GZIP -> GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case XZ -> new XZCompressorInputStream(in, true);
            case ZSTD -> new ZstdCompressorInputStream(in);
            default -> in;
        };
    }

    private static boolean startsWith(byte[] header, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((header[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
