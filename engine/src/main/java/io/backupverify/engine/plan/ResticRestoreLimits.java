package io.backupverify.engine.plan;

/**
 * How much a restic restore may write, so that a snapshot far larger than expected is refused before it fills the
 * scratch disk: the same {@code maxSize} as an archive restore's {@link ExtractionLimits}, and the same default.
 *
 * @param maxSize the most bytes the snapshot's files may restore to
 */
public record ResticRestoreLimits(ByteSize maxSize) {
    public static final ResticRestoreLimits DEFAULT = new ResticRestoreLimits(null);

    public ResticRestoreLimits {
        maxSize = maxSize == null ? ExtractionLimits.DEFAULT_MAX_SIZE : maxSize;
    }
}
