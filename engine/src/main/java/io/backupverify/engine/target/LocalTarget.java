package io.backupverify.engine.target;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A folder on a local or mounted file system. */
public final class LocalTarget implements Target, PosixAttributes, AccessControlLists, TransportSecurity {
    private final Path root;

    public LocalTarget(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public String description() {
        return "local:" + root;
    }

    @Override
    public List<Entry> list(String folder) throws IOException {
        Path dir = resolve(folder);
        // The root may be a link to the backup folder (/srv/backups -> /mnt/nas/backups); links below it are
        // never followed.
        LinkOption[] links = folder.isEmpty() ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        if (!Files.isDirectory(dir, links)) {
            if (!Files.exists(dir, links)) {
                throw new NoSuchFileException(dir.toString(), null, "no such folder");
            }
            throw new NotDirectoryException(dir.toString());
        }
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                entries.add(entry(child));
            }
        }
        entries.sort(Comparator.comparing(Entry::path));
        return entries;
    }

    @Override
    public InputStream open(String path) throws IOException {
        return Files.newInputStream(notLink(path), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public Optional<FileChannel> openLocalFile(String path) throws IOException {
        return Optional.of(FileChannel.open(notLink(path), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }

    private Path notLink(String path) throws IOException {
        Path file = resolve(path);
        if (Files.isSymbolicLink(file)) {
            throw new IOException(path + " is a symbolic link; links are not followed");
        }
        return file;
    }

    @Override
    public Optional<Entry> stat(String path) throws IOException {
        Path file = resolve(path);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(entry(file));
    }

    /**
     * Usage as {@code df} computes it: blocks reserved for root (5% on ext4 by default) are neither used nor
     * available to a backup job, so the size is what is used plus what an unprivileged writer can still use. A
     * disk {@code df} shows 100% full is 100% full here too.
     */
    @Override
    public Optional<StorageUsage> usage() throws IOException {
        FileStore store = Files.getFileStore(root);
        long used = store.getTotalSpace() - store.getUnallocatedSpace();
        long available = store.getUsableSpace();
        return Optional.of(new StorageUsage(used, used + available, "filesystem"));
    }

    @Override
    public Optional<Path> localPath(String path) {
        Path resolved = path.isEmpty() ? root : root.resolve(path).normalize();
        return resolved.startsWith(root) ? Optional.of(resolved) : Optional.empty();
    }

    /**
     * A local disk needs no transit; a network mount (NFS, SMB) does, and whether it encrypts cannot be told
     * from here. SSHFS always encrypts.
     */
    @Override
    public Transport transport() throws IOException {
        String type = Files.getFileStore(root).type();
        if (NetworkFileSystems.isSsh(type)) {
            return new Transport("ssh", true, "mounted with " + type);
        }
        if (NetworkFileSystems.isNetwork(type)) {
            return new Transport(type, null, "a network mount (" + type + "); whether it encrypts traffic cannot "
                    + "be told from here");
        }
        return Transport.localDisk("a local file system (" + type + ")");
    }

    @Override
    public PosixFileInfo posix(String path) throws IOException {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(resolve(path), PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            throw new IOException("this file system keeps no POSIX owners and permissions");
        }
        int mode = 0;
        for (PosixFilePermission permission : attributes.permissions()) {
            mode |= 0400 >> permission.ordinal();
        }
        return new PosixFileInfo(attributes.owner().getName(), attributes.group().getName(), mode);
    }

    @Override
    public Map<String, PosixAcl> accessControlLists() throws IOException {
        // The root may be a link; getfacl walks the real folder without following links below it.
        return PosixAclReader.system().read(root.toRealPath());
    }

    private Path resolve(String path) throws IOException {
        Path resolved = path.isEmpty() ? root : root.resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            throw new IOException(path + " is outside the target");
        }
        return resolved;
    }

    private Entry entry(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        String relative = relative(file);
        if (attributes.isSymbolicLink()) {
            Path written = Files.readSymbolicLink(file);
            Path resolved = file.getParent().resolve(written).normalize();
            boolean inside = resolved.startsWith(root);
            return new Entry(relative, EntryType.SYMLINK, 0, attributes.lastModifiedTime().toInstant(),
                    inside ? relative(resolved) : written.toString(), inside);
        }
        EntryType type = attributes.isRegularFile() ? EntryType.FILE
                : attributes.isDirectory() ? EntryType.DIRECTORY : EntryType.OTHER;
        long size = type == EntryType.FILE ? attributes.size() : 0;
        return new Entry(relative, type, size, attributes.lastModifiedTime().toInstant(), null, false);
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
