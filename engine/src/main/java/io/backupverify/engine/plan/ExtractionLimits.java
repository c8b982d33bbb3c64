package io.backupverify.engine.plan;

/**
 * How much an archive may expand into, so that a decompression bomb is refused before it fills the disk.
 *
 * @param maxSize    the most bytes all archives of a backup may restore to
 * @param maxEntries the most entries they may hold
 * @param maxRatio   the most restored bytes per archive byte, applied once more than {@link #RATIO_FLOOR_BYTES}
 *                   have been restored (small, very compressible files are fine)
 */
public record ExtractionLimits(ByteSize maxSize, Long maxEntries, Integer maxRatio) {
    public static final ByteSize DEFAULT_MAX_SIZE = ByteSize.parse("100GiB");
    public static final long DEFAULT_MAX_ENTRIES = 1_000_000;
    public static final int DEFAULT_MAX_RATIO = 200;
    public static final long RATIO_FLOOR_BYTES = 64L << 20;
    public static final ExtractionLimits DEFAULT = new ExtractionLimits(null, null, null).withDefaults();

    public ExtractionLimits withDefaults() {
        return new ExtractionLimits(maxSize == null ? DEFAULT_MAX_SIZE : maxSize,
                maxEntries == null ? DEFAULT_MAX_ENTRIES : maxEntries,
                maxRatio == null ? DEFAULT_MAX_RATIO : maxRatio);
    }
}
