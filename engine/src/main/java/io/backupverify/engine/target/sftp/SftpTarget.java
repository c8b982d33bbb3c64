package io.backupverify.engine.target.sftp;

import io.backupverify.engine.credentials.CredentialValue;
import io.backupverify.engine.plan.SftpTargetSpec;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.EntryType;
import io.backupverify.engine.target.StorageUsage;
import io.backupverify.engine.target.PosixAttributes;
import io.backupverify.engine.target.PosixFileInfo;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.target.Targets;
import io.backupverify.engine.target.Transport;
import io.backupverify.engine.target.TransportSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHStatExtensionInfo;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHStatPathExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * A folder on an SFTP server. Dropped connections are reopened and the request tried again, a few times with a
 * pause between; a refused host key or login is never retried. Symbolic links are listed, never followed.
 */
public final class SftpTarget implements Target, PosixAttributes, TransportSecurity {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_ATTEMPTS = 3;
    private static final int READ_BUFFER = 64 * 1024;

    private final SftpConnector connector;
    private final String root;
    private final String description;
    private ClientSession session;
    private SftpClient sftp;
    private String namesFolder;
    private Map<String, String[]> folderNames = Map.of();

    SftpTarget(SftpConnector connector, String root, String description) {
        this.connector = connector;
        String normalized = normalize(root);
        this.root = normalized.isEmpty() ? "." : normalized;
        this.description = description;
    }

    /** Connects to the server a plan names; the host key is checked and the login made before this returns. */
    public static SftpTarget open(SftpTargetSpec spec, Path baseDir, Optional<CredentialValue> credentials)
            throws IOException {
        return open(spec, baseDir, credentials, DEFAULT_TIMEOUT);
    }

    static SftpTarget open(SftpTargetSpec spec, Path baseDir, Optional<CredentialValue> credentials,
            Duration timeout) throws IOException {
        HostKeyTrust trust = spec.hostKey() != null && !spec.hostKey().isBlank()
                ? HostKeyTrust.pinned(spec.host(), spec.port(), spec.hostKey())
                : HostKeyTrust.knownHosts(spec.host(), spec.port(), Targets.localPath(spec.knownHosts(), baseDir));
        SshLogin login = SshLogin.of(spec.credentialsId(), credentials, spec.username());
        SftpConnector connector = new SftpConnector(spec.host(), spec.port(), trust, login, timeout);
        String description = "sftp://" + login.username() + "@" + connector.where() + "/"
                + spec.path().replaceFirst("^/+", "");
        SftpTarget target = new SftpTarget(connector, spec.path(), description);
        try {
            target.client();
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        }
        return target;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<Entry> list(String folder) throws IOException {
        String dir = remote(folder);
        List<Entry> entries = retrying("list " + shown(folder), client -> {
            List<Entry> found = new ArrayList<>();
            for (SftpClient.DirEntry child : client.readDir(dir)) {
                String name = child.getFilename();
                if (!name.equals(".") && !name.equals("..")) {
                    found.add(entry(client, join(folder, name), child.getAttributes()));
                }
            }
            return found;
        }, folder, true);
        entries.sort(Comparator.comparing(Entry::path));
        return entries;
    }

    @Override
    public InputStream open(String path) throws IOException {
        return open(path, 0);
    }

    @Override
    public InputStream open(String path, long offset) throws IOException {
        Optional<Entry> entry = stat(path);
        if (entry.isEmpty()) {
            throw new NoSuchFileException(path);
        }
        if (entry.get().type() == EntryType.SYMLINK) {
            throw new IOException(path + " is a symbolic link; links are not followed");
        }
        Entry began = entry.get();
        return new ResumingInputStream(new ResumingInputStream.Opener() {
            @Override
            public InputStream openAt(String file, long from) throws IOException {
                return SftpTarget.this.openAt(file, from, null);
            }

            @Override
            public InputStream reopenAt(String file, long from) throws IOException {
                return SftpTarget.this.openAt(file, from, began);
            }
        }, path, offset, began.size());
    }

    /**
     * A stream over its own SFTP channel from an offset, so several files can be read at once. With
     * {@code unchangedFrom} (a read resumed after a dropped connection), only when the file's type, size and
     * modification time are still those it had when its read began, else a {@link ChangedWhileReadException}: the
     * bytes after the offset would be of another version of it than those before. (SFTP gives modification times in
     * whole seconds: a rewrite at the same size within the second the file was last written cannot be told.)
     */
    private InputStream openAt(String path, long offset, Entry unchangedFrom) throws IOException {
        return retrying("read " + path, client -> {
            SftpClient channel = SftpClientFactory.instance().createSftpClient(session());
            try {
                if (unchangedFrom != null) {
                    checkUnchanged(unchangedFrom, entry(channel, path, channel.lstat(remote(path))), offset);
                }
                InputStream in = channel.read(remote(path), READ_BUFFER);
                if (offset > 0) {
                    in.skipNBytes(offset);
                }
                return new ChannelInputStream(in, channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }, path, false);
    }

    private static void checkUnchanged(Entry began, Entry now, long offset) throws ChangedWhileReadException {
        if (now.type() == began.type() && now.size() == began.size() && now.modified().equals(began.modified())) {
            return;
        }
        throw new ChangedWhileReadException("reading " + began.path() + " cannot go on at byte " + offset
                + " after the connection dropped: it changed while read (when the read began " + began.size() + " bytes, modified "
                + began.modified() + "; now " + (now.type() == EntryType.FILE ? now.size() + " bytes" : "not a file")
                + ", modified " + now.modified() + "), so what was read is of no one version of it; is the backup "
                + "still being written? Check it again when nothing writes it");
    }

    /** A file on the server can be written over while it is read: each read is followed by a look at it. */
    @Override
    public boolean rewritableInPlace() {
        return true;
    }

    @Override
    public Optional<Entry> stat(String path) throws IOException {
        try {
            return Optional.of(retrying("stat " + path,
                    client -> entry(client, path, client.lstat(remote(path))), path, false));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<StorageUsage> usage() throws IOException {
        Optional<StorageUsage> statvfs = retrying("measure " + shown(""), client -> {
            OpenSSHStatPathExtension extension = client.getExtension(OpenSSHStatPathExtension.class);
            if (extension == null || !extension.isSupported()) {
                return Optional.<StorageUsage>empty();
            }
            OpenSSHStatExtensionInfo info = extension.stat(root);
            long unit = info.f_frsize > 0 ? info.f_frsize : info.f_bsize;
            long total = info.f_blocks * unit;
            return Optional.of(new StorageUsage(total - info.f_bfree * unit, total, "sftp statvfs"));
        }, "", false);
        if (statvfs.isPresent()) {
            return statvfs;
        }
        AtomicLong used = new AtomicLong();
        walk("", entry -> used.addAndGet(entry.size()));
        return Optional.of(new StorageUsage(used.get(), -1, "listing"));
    }

    /** SSH encrypts everything it carries, and the host key was checked before the first byte was read. */
    @Override
    public Transport transport() {
        return new Transport("ssh", true, "SSH to " + connector.where() + ", host key verified");
    }

    /**
     * The owner, group and mode. Servers speaking SFTP version 3 (OpenSSH) give numeric ids only: the names come
     * from the long listing of the parent folder, as {@code ls -l} shows them, else the numbers stand.
     */
    @Override
    public PosixFileInfo posix(String path) throws IOException {
        SftpClient.Attributes attributes = retrying("stat " + shown(path), client -> client.lstat(remote(path)),
                path, false);
        String owner = attributes.getOwner();
        String group = attributes.getGroup();
        if (owner == null || owner.isBlank() || group == null || group.isBlank()) {
            String[] names = ownerNames(path);
            owner = names != null ? names[0] : Integer.toString(attributes.getUserId());
            group = names != null ? names[1] : Integer.toString(attributes.getGroupId());
        }
        return new PosixFileInfo(owner, group, attributes.getPermissions() & 0777);
    }

    /** Owner and group names of a path from its parent's long listing, kept for the last folder asked. */
    private synchronized String[] ownerNames(String path) throws IOException {
        if (path.isEmpty()) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "" : path.substring(0, slash);
        if (!parent.equals(namesFolder)) {
            Map<String, String[]> names = new HashMap<>();
            retrying("list " + shown(parent), client -> {
                for (SftpClient.DirEntry child : client.readDir(remote(parent))) {
                    String[] fields = child.getLongFilename() == null ? new String[0]
                            : child.getLongFilename().trim().split("\\s+");
                    if (fields.length > 4) {
                        names.put(child.getFilename(), new String[] {fields[2], fields[3]});
                    }
                }
                return null;
            }, parent, true);
            namesFolder = parent;
            folderNames = names;
        }
        return folderNames.get(slash < 0 ? path : path.substring(slash + 1));
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (session != null) {
                session.close(true);
            }
        } finally {
            session = null;
            sftp = null;
            connector.close();
        }
    }

    @FunctionalInterface
    interface SftpCall<T> {
        T call(SftpClient client) throws IOException;
    }

    /**
     * Runs a request, reconnecting and trying again after a dropped connection or a time-out; a status the server
     * answered (no such file, permission denied) and a refusal are final.
     */
    <T> T retrying(String what, SftpCall<T> call, String path, boolean folder) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ClientSession used = null;
            try {
                try {
                    SftpClient client = client();
                    used = client.getClientSession();
                    return call.call(client);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } catch (SftpException e) {
                throw translate(e, path, folder);
            } catch (SshRefusedException | ChangedWhileReadException e) {
                throw e;
            } catch (IOException e) {
                last = e;
                dropConnection(used);
                pause(attempt);
            } catch (IllegalStateException e) {
                // A channel opened while the cut connection's session is still closing is refused this way.
                if (used == null || !used.isClosing()) {
                    throw e;
                }
                last = new IOException("the connection was closing: " + e.getMessage(), e);
                dropConnection(used);
                pause(attempt);
            }
        }
        throw new IOException("could not " + what + " on " + connector.where() + " after " + MAX_ATTEMPTS
                + " attempts: " + reason(last), last);
    }

    private IOException translate(SftpException e, String path, boolean folder) throws IOException {
        String shown = shown(path);
        switch (e.getStatus()) {
            case SftpConstants.SSH_FX_NO_SUCH_FILE, SftpConstants.SSH_FX_NO_SUCH_PATH:
                return new NoSuchFileException(shown, null, "no such file or folder");
            case SftpConstants.SSH_FX_PERMISSION_DENIED:
                return new AccessDeniedException(shown);
            default:
                if (folder && isFile(path)) {
                    return new NotDirectoryException(shown);
                }
                return new IOException("the SFTP server answered '" + e.getMessage() + "' for " + shown);
        }
    }

    private boolean isFile(String path) {
        try {
            return client().lstat(remote(path)).isRegularFile();
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(200L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private synchronized ClientSession session() throws IOException {
        if (session == null || !session.isOpen()) {
            session = connector.connect();
            sftp = null;
        }
        return session;
    }

    private synchronized SftpClient client() throws IOException {
        ClientSession current = session();
        if (sftp == null || !sftp.isOpen()) {
            sftp = SftpClientFactory.instance().createSftpClient(current);
        }
        return sftp;
    }

    /**
     * Drops the connection a failed request used. Only that one: another thread may have replaced it with a
     * working connection meanwhile, and closing that would fail the reads going on over it.
     */
    synchronized void dropConnection(ClientSession failed) {
        if (session == null || session != failed) {
            return;
        }
        session.close(true);
        session = null;
        sftp = null;
    }

    private Entry entry(SftpClient client, String path, SftpClient.Attributes attributes) throws IOException {
        Instant modified = attributes.getModifyTime() == null ? Instant.EPOCH
                : attributes.getModifyTime().toInstant();
        if (attributes.isSymbolicLink()) {
            String written = client.readLink(remote(path));
            String resolved = normalize(written.startsWith("/") ? written : parentOf(remote(path)) + "/" + written);
            boolean inside = resolved.equals(root) || resolved.startsWith(root.equals("/") ? "/" : root + "/");
            String linkTarget = inside ? resolved.substring(Math.min(resolved.length(), root.length() + 1)) : written;
            return new Entry(path, EntryType.SYMLINK, 0, modified, linkTarget, inside);
        }
        EntryType type = attributes.isRegularFile() ? EntryType.FILE
                : attributes.isDirectory() ? EntryType.DIRECTORY : EntryType.OTHER;
        return new Entry(path, type, type == EntryType.FILE ? attributes.getSize() : 0, modified, null, false);
    }

    private String remote(String path) throws IOException {
        if (path.isEmpty()) {
            return root;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                throw new IOException(path + " is outside the target");
            }
        }
        return root.endsWith("/") ? root + path : root + "/" + path;
    }

    private String shown(String path) {
        return path.isEmpty() ? root : path;
    }

    private static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? (path.startsWith("/") ? "" : ".") : path.substring(0, slash);
    }

    /** Removes {@code .} and resolves {@code ..} in a slash-separated path. */
    static String normalize(String path) {
        boolean absolute = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                    parts.remove(parts.size() - 1);
                } else if (!absolute) {
                    parts.add(segment);
                }
            } else {
                parts.add(segment);
            }
        }
        return (absolute ? "/" : "") + String.join("/", parts);
    }

    static String reason(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        String message = e.getMessage();
        if ((message == null || message.isBlank()) && e.getCause() != null) {
            return reason(e.getCause());
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
