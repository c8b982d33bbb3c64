package io.backupverify.engine.restore.archive;

import io.backupverify.engine.format.Bzip2Streams;
import io.backupverify.engine.format.ContentFormat;
import io.backupverify.engine.format.GzipMembers;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * What the archive restore makes of a format told by content ({@link ContentFormat}): zip and tar it extracts,
 * gzip, bzip2, xz and zstd it decompresses to find a tar inside; anything else is not an archive.
 */
final class ArchiveFormat {
    /** Bytes enough to tell every format the archive restore extracts: one tar header block. */
    static final int HEADER_BYTES = 512;

    private ArchiveFormat() {
    }

    /** Whether a tar inside this compression is extracted (lz4 is not). */
    static boolean isCompression(ContentFormat format) {
        return format == ContentFormat.GZIP || format == ContentFormat.BZIP2 || format == ContentFormat.XZ
                || format == ContentFormat.ZSTD;
    }

    /** The decompressed stream; concatenated streams (pigz, pbzip2, multi-frame zstd) are read whole. */
    static InputStream decompress(ContentFormat format, InputStream in) throws IOException {
        return switch (format) {
            // zero padding after the last member (tape, dd) is ignored as tar -xz ignores it; other bytes fail
            case GZIP -> new GzipMembers(in);
            // bytes after the last stream that are not a stream are ignored as tar -xj (bzip2 -d) ignores them
            case BZIP2 -> new Bzip2Streams(in);
            case XZ -> new XZCompressorInputStream(in, true);
            case ZSTD -> new ZstdCompressorInputStream(in);
            default -> in;
        };
    }
}
