package io.backupverify.engine.restore.archive;

import io.backupverify.engine.plan.ByteSize;
import io.backupverify.engine.plan.ExtractionLimits;
import io.backupverify.engine.restore.RestoreJob;
import io.backupverify.engine.restore.RestoreRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.zip.CRC32;

/**
 * Writes archive entries below one folder and nowhere else. Every folder on the way is checked without following
 * links (so no entry writes through a symbolic link, whenever that link was made), nothing is ever overwritten
 * (a duplicate entry is refused), links must point inside, device files and FIFOs are refused, and the limits on
 * size, entry count and expansion ratio hold throughout.
 */
final class SafeTree {
    private static final int BUFFER_BYTES = 1 << 20;

    private final Path root;
    private final ExtractionLimits limits;
    private final LongSupplier archiveBytesRead;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final List<CreatedLink> links = new ArrayList<>();
    private long entries;
    private long files;
    private long bytes;

    private record CreatedLink(Path path, String item) {
    }

    /**
     * @param archiveBytesRead how many bytes of the archives have been read so far, for the ratio limit
     */
    SafeTree(Path root, ExtractionLimits limits, LongSupplier archiveBytesRead) {
        this.root = root;
        this.limits = limits;
        this.archiveBytesRead = archiveBytesRead;
    }

    Path root() {
        return root;
    }

    long files() {
        return files;
    }

    long bytes() {
        return bytes;
    }

    void directory(String name, String item) throws IOException {
        List<String> segments = counted(name, item);
        if (!segments.isEmpty()) {
            folder(segments, segments.size(), item);
        }
    }

    /**
     * Writes a regular file from the entry's data.
     *
     * @param expectedCrc the CRC-32 the archive records for the data, or -1
     */
    void file(String name, String item, InputStream data, boolean executable, long expectedCrc) throws IOException {
        Path path = newPath(counted(name, item), item);
        CRC32 crc = expectedCrc >= 0 ? new CRC32() : null;
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            while (true) {
                int read = ArchiveErrors.read(data, buffer, item);
                if (read < 0) {
                    break;
                }
                bytes += read;
                checkSize(item);
                out.write(buffer, 0, read);
                if (crc != null) {
                    crc.update(buffer, 0, read);
                }
                RestoreJob.checkInterrupted();
            }
        }
        files++;
        if (crc != null && crc.getValue() != expectedCrc) {
            throw new RestoreRefusedException(item, "corrupt: the data does not match the CRC-32 the archive "
                    + "records for it");
        }
        if (executable) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    /** Makes a symbolic link whose target, read from where it stands, stays below the root. */
    void symbolicLink(String name, String item, String target) throws IOException {
        List<String> segments = counted(name, item);
        if (target == null || target.isEmpty()) {
            throw new RestoreRefusedException(item, "refused: a symbolic link without a target");
        }
        if (target.startsWith("/") || target.indexOf('\0') >= 0) {
            throw new RestoreRefusedException(item, "refused: a symbolic link to the absolute path " + target);
        }
        Path path = newPath(segments, item);
        Path resolved = path.getParent().resolve(target).normalize();
        if (!resolved.startsWith(root)) {
            throw new RestoreRefusedException(item, "refused: a symbolic link to " + target
                    + ", outside the scratch folder");
        }
        Files.createSymbolicLink(path, Path.of(target));
        links.add(new CreatedLink(path, item));
    }

    /** Makes a hard link to a regular file an earlier entry wrote. */
    void hardLink(String name, String item, String targetName) throws IOException {
        List<String> segments = counted(name, item);
        List<String> targetSegments;
        try {
            targetSegments = EntryNames.segments(targetName, item);
        } catch (RestoreRefusedException e) {
            throw new RestoreRefusedException(item, "refused: a hard link to " + targetName + ": "
                    + e.getMessage().replaceFirst("^refused: ", ""));
        }
        Path target = existing(targetSegments, item, targetName);
        Path path = newPath(segments, item);
        Files.createLink(path, target);
    }

    /** Refuses what must never be restored (device files, FIFOs, sockets, unknown types). */
    void refuseType(String item, String what) throws IOException {
        throw new RestoreRefusedException(item, "refused: " + what + "; restore tests only write regular files, "
                + "folders and links");
    }

    /**
     * After the last entry: every symbolic link made must resolve inside the root, however links point at links.
     */
    void finish() throws IOException {
        Path realRoot = root.toRealPath();
        for (CreatedLink link : links) {
            if (!Files.exists(link.path())) {
                continue; // dangling, and inside by the check made when it was created
            }
            Path real;
            try {
                real = link.path().toRealPath();
            } catch (FileSystemException e) {
                throw new RestoreRefusedException(link.item(), "refused: the symbolic link cannot be resolved ("
                        + e.getReason() + ")");
            }
            if (!real.startsWith(realRoot)) {
                throw new RestoreRefusedException(link.item(), "refused: the symbolic link, through other links, "
                        + "leads outside the scratch folder");
            }
        }
    }

    private List<String> counted(String name, String item) throws IOException {
        entries++;
        if (entries > limits.maxEntries()) {
            throw new RestoreRefusedException(item, "refused: more than " + limits.maxEntries() + " entries "
                    + "(restore.limits.maxEntries raises the limit)");
        }
        RestoreJob.checkInterrupted();
        return EntryNames.segments(name, item);
    }

    private void checkSize(String item) throws RestoreRefusedException {
        if (bytes > limits.maxSize().bytes()) {
            throw new RestoreRefusedException(item, "refused: the archive expands to more than "
                    + limits.maxSize() + " (restore.limits.maxSize raises the limit)");
        }
        long read = Math.max(1, archiveBytesRead.getAsLong());
        if (bytes > ExtractionLimits.RATIO_FLOOR_BYTES && bytes / read > limits.maxRatio()) {
            throw new RestoreRefusedException(item, "refused: a decompression bomb? " + ByteSize.format(read)
                    + " of archive expanded to " + ByteSize.format(bytes) + ", more than " + limits.maxRatio()
                    + " times (restore.limits.maxRatio raises the limit)");
        }
    }

    /** The path for a new entry: its folders made or checked, the name itself not yet taken. */
    private Path newPath(List<String> segments, String item) throws IOException {
        if (segments.isEmpty()) {
            throw new RestoreRefusedException(item, "refused: the entry names the scratch folder itself");
        }
        Path parent = folder(segments, segments.size() - 1, item);
        Path path = parent.resolve(segments.get(segments.size() - 1));
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new RestoreRefusedException(item, "refused: a duplicate entry; it would overwrite "
                    + String.join("/", segments) + " written by an earlier entry");
        }
        return path;
    }

    /** Makes (or checks) the first {@code count} segments as real folders, never through a link. */
    private Path folder(List<String> segments, int count, String item) throws IOException {
        Path current = root;
        for (int i = 0; i < count; i++) {
            current = current.resolve(segments.get(i));
            BasicFileAttributes attributes = attributes(current);
            if (attributes == null) {
                Files.createDirectory(current);
            } else if (attributes.isSymbolicLink()) {
                throw new RestoreRefusedException(item, "refused: it would write through the symbolic link "
                        + String.join("/", segments.subList(0, i + 1)));
            } else if (!attributes.isDirectory()) {
                throw new RestoreRefusedException(item, "refused: " + String.join("/", segments.subList(0, i + 1))
                        + " is a file written by an earlier entry, not a folder");
            }
        }
        return current;
    }

    private Path existing(List<String> segments, String item, String targetName) throws IOException {
        if (segments.isEmpty()) {
            throw new RestoreRefusedException(item, "refused: a hard link to the scratch folder itself");
        }
        Path current = root;
        for (String segment : segments) {
            current = current.resolve(segment);
            BasicFileAttributes attributes = attributes(current);
            if (attributes == null || attributes.isSymbolicLink()) {
                throw new RestoreRefusedException(item, "refused: a hard link to " + targetName
                        + ", which no earlier entry wrote as a regular file");
            }
        }
        if (!attributes(current).isRegularFile()) {
            throw new RestoreRefusedException(item, "refused: a hard link to " + targetName
                    + ", which is not a regular file");
        }
        return current;
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }
}
