package io.backupverify.engine.target;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A place backups are stored: a local folder, an S3 bucket, an SFTP server, a restic repository. Paths are
 * relative to the target's root and use {@code /}; the empty path is the root. Implementations never follow
 * symbolic links and never put secrets in messages.
 */
public interface Target extends Closeable {
    /** A description for logs and reports, without secrets. */
    String description();

    /** The direct children of a folder. Fails with {@link java.nio.file.NoSuchFileException} when it is absent. */
    List<Entry> list(String folder) throws IOException;

    /**
     * Every entry below a folder in the order of their paths' UTF-8 bytes (the order in which S3 lists keys, and
     * that of {@code LC_ALL=C sort}), without following symbolic links. A folder comes before its contents, and its
     * contents after the names that sort between the folder's and theirs: {@code db}, {@code db.dump},
     * {@code db/x}.
     */
    default void walk(String folder, Consumer<Entry> visitor) throws IOException {
        for (ListingOrder.Step step : ListingOrder.steps(list(folder))) {
            if (step.into()) {
                walk(step.entry().path(), visitor);
            } else {
                visitor.accept(step.entry());
            }
        }
    }

    /** Opens a file for reading. */
    InputStream open(String path) throws IOException;

    /**
     * Opens a file for reading from a byte offset, for resuming a read that was cut off. Remote targets read only
     * the range asked for; the default skips the bytes before it.
     */
    default InputStream open(String path, long offset) throws IOException {
        InputStream in = open(path);
        try {
            in.skipNBytes(offset);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return in;
    }

    /**
     * The checksums the storage itself keeps for a file, read without downloading it (S3's stored SHA-256, a
     * single-part ETag's MD5, Azure's Content-MD5). Empty when the storage keeps none it can vouch for.
     */
    default List<StoredChecksum> storedChecksums(String path) throws IOException {
        return List.of();
    }

    /**
     * The file as a local file channel, when the target holds it on a local file system, so that it can be mapped
     * instead of copied; empty (the default) for targets that can only stream, which {@link #open} serves.
     */
    default Optional<FileChannel> openLocalFile(String path) throws IOException {
        return Optional.empty();
    }

    /** Whether a file exists, without reading it. */
    Optional<Entry> stat(String path) throws IOException;

    /** Used and total space, where the target can tell. */
    Optional<StorageUsage> usage() throws IOException;

    /**
     * Where a path of this target lies on this machine's file system, for a target that is a local or mounted
     * folder; empty for any other target.
     */
    default Optional<java.nio.file.Path> localPath(String path) {
        return Optional.empty();
    }

    /**
     * Whether a file here can be written over in place while it is read, as on a file system reached over SFTP: a
     * read is then followed by a look at its size and modification time, against its listing. Local folders are
     * asked through {@link #localPath}; an object store serves one version of an object per read (false, the default).
     */
    default boolean rewritableInPlace() {
        return false;
    }

    /**
     * The latest time the store's own clock gave in its answers (an HTTP {@code Date} header), to tell whether this
     * machine's clock is behind; empty for a target whose store tells none (a local folder, SFTP).
     */
    default Optional<Instant> storeTime() {
        return Optional.empty();
    }

    @Override
    default void close() throws IOException {
    }
}
