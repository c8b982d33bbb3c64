package io.backupverify.engine.target;

/**
 * How much space a target uses and has.
 *
 * @param usedBytes  bytes in use (file system used space, bucket or prefix size, repository size)
 * @param totalBytes the size of the storage, or -1 when the storage has no fixed size (object stores)
 * @param source     how the figure was obtained, for reports: {@code filesystem}, {@code listing}, {@code restic}
 */
public record StorageUsage(long usedBytes, long totalBytes, String source) {
    public boolean hasTotal() {
        return totalBytes > 0;
    }
}
