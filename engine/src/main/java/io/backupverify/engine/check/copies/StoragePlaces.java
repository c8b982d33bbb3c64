package io.backupverify.engine.check.copies;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.plan.AzureTargetSpec;
import io.backupverify.engine.plan.ResticTargetSpec;
import io.backupverify.engine.plan.S3TargetSpec;
import io.backupverify.engine.plan.SftpTargetSpec;
import io.backupverify.engine.plan.TargetSpec;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.target.restic.ResticTarget;
import io.backupverify.engine.target.restic.S3Repository;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a copy is stored, from its target's keys and, for folders on this machine, the file system's device number or
 * the network mount's source.
 * What counts as the same storage, per kind of target:
 * <ul>
 * <li>a local folder, and a restic repository in one: the same file system (device number);</li>
 * <li>a folder on a network mount (NFS, SMB, SSHFS, GlusterFS, Ceph): the same device, or the same export or share
 * of the same server (its mount source in {@code /proc/self/mountinfo}), one equal to or inside the other;</li>
 * <li>S3, and restic's {@code s3:} repositories: the same bucket at the same endpoint (any prefix in it);</li>
 * <li>Azure: the same container of the same account (blob service URL);</li>
 * <li>SFTP, and restic's {@code sftp:} repositories: the same host and port, with one folder equal to or inside
 * the other;</li>
 * <li>restic's {@code rest:} repositories: the same server, one folder equal to or inside the other; any other
 * restic backend: the same repository.</li>
 * </ul>
 * Host names are resolved: two names that share any address are one server ({@code localhost} and
 * {@code 127.0.0.1}); a name that cannot be resolved is compared by name.
 */
final class StoragePlaces {
    private static final Pattern AWS_HOST = Pattern.compile("(?:.*\\.)?s3(?:[.-][a-z0-9-]+)*\\.amazonaws\\.com");
    private static final Pattern RESTIC_SFTP = Pattern.compile("^(?:[^@/]*@)?([^:/]+):(.*)$");

    private StoragePlaces() {
    }

    /**
     * The place of a backup at a target, with this machine's mounts read from {@code mounts} when a folder needs them;
     * empty when nothing tells it (a file system without device numbers).
     */
    static Optional<StoragePlace> of(TargetSpec spec, Target target, Backup backup,
            java.util.function.Supplier<MountTable> mounts) {
        Optional<Path> folder = target.localPath(backup.path());
        if (folder.isEmpty() && target instanceof ResticTarget restic) {
            folder = restic.repositoryFolder();
        }
        return folder.isPresent() ? folder(folder.get(), mounts) : of(spec);
    }

    /** The place of a remote target from its keys, or empty for a kind whose place they do not tell. */
    static Optional<StoragePlace> of(TargetSpec spec) {
        try {
            if (spec instanceof S3TargetSpec s3) {
                return Optional.of(bucket(s3.endpoint() == null || s3.endpoint().isBlank() ? null
                        : URI.create(s3.endpoint().strip()), s3.bucket()));
            }
            if (spec instanceof AzureTargetSpec azure) {
                return Optional.of(container(azure));
            }
            if (spec instanceof SftpTargetSpec sftp) {
                return Optional.of(sftpFolder(sftp.host(), sftp.port(), sftp.username(), sftp.path()));
            }
            if (spec instanceof ResticTargetSpec restic) {
                return Optional.of(repository(restic.repository().strip()));
            }
        } catch (IllegalArgumentException e) {
            // a malformed endpoint is reported by the target itself; here it only tells no place
        }
        return Optional.empty();
    }

    /**
     * A folder on this machine: by the export or share it is mounted from when that is a network file system, else by
     * the device number of its file system.
     */
    static Optional<StoragePlace> folder(Path folder, java.util.function.Supplier<MountTable> mounts) {
        long device;
        try {
            device = ((Number) Files.getAttribute(folder, "unix:dev")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no device numbers here (not a Unix file system view): nothing to tell the copies apart by
            return Optional.empty();
        }
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            real = folder.toAbsolutePath().normalize();
        }
        String number = Long.toString(device);
        Optional<StoragePlace> share = mounts.get().mountOf(real).filter(m -> m.holds(device))
                .flatMap(m -> MountedShares.of(m, number));
        return share.or(() -> Optional.of(new StoragePlace("device", number, List.of(), List.of(), number,
                "file system, device " + number)));
    }

    private static StoragePlace bucket(URI endpoint, String bucket) {
        if (endpoint == null || AWS_HOST.matcher(endpoint.getHost() == null ? ""
                : endpoint.getHost().toLowerCase(Locale.ROOT)).matches()) {
            return new StoragePlace("s3", "aws", List.of(), List.of(bucket), null, "S3 bucket " + bucket
                    + " at Amazon S3");
        }
        Server server = server(endpoint);
        return new StoragePlace("s3", server.port(), List.of(server.host()), List.of(bucket), null, "S3 bucket "
                + bucket + " at " + server.shown());
    }

    private static StoragePlace container(AzureTargetSpec azure) {
        String server;
        if (azure.endpoint() != null && !azure.endpoint().isBlank()) {
            URI endpoint = URI.create(azure.endpoint().strip());
            List<String> account = segments(endpoint.getPath());
            server = hostAndPort(endpoint) + (account.isEmpty() ? "" : "/" + account.get(0));
        } else if (azure.account() != null && !azure.account().isBlank()) {
            server = azure.account().strip().toLowerCase(Locale.ROOT) + ".blob.core.windows.net:443";
        } else {
            server = azure.credentialsId() == null ? "the account of AZURE_STORAGE_CONNECTION_STRING"
                    : "the account of credentials " + azure.credentialsId().strip();
        }
        return new StoragePlace("azure", server, List.of(), List.of(azure.container().strip()), null,
                "Azure container " + azure.container().strip() + " at " + server);
    }

    private static StoragePlace sftpFolder(String host, int port, String username, String path) {
        Host server = Host.of(host);
        List<String> folders = new ArrayList<>();
        if (!path.strip().startsWith("/")) {
            // a relative path starts in the login's home folder, which differs between users
            folders.add("~" + (username == null ? "" : username.strip()));
        }
        folders.addAll(segments(path));
        return new StoragePlace("sftp", ":" + port, List.of(server), folders, null, "folder /"
                + String.join("/", folders) + " on SFTP server " + server.name() + ":" + port);
    }

    /** A restic repository location: {@code s3:}, {@code sftp:} and {@code rest:} by their server and folder. */
    private static StoragePlace repository(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        Optional<S3Repository> s3 = S3Repository.of(location);
        if (s3.isPresent()) {
            return bucket(s3.get().endpoint() == null ? null : URI.create(s3.get().endpoint()), s3.get().bucket());
        }
        if (lower.startsWith("sftp://")) {
            URI uri = URI.create(location);
            return sftpFolder(uri.getHost(), uri.getPort() < 0 ? SftpTargetSpec.DEFAULT_PORT : uri.getPort(),
                    uri.getUserInfo(), uri.getPath());
        }
        Matcher sftp = RESTIC_SFTP.matcher(location.substring(lower.startsWith("sftp:") ? 5 : 0));
        if (lower.startsWith("sftp:") && sftp.matches()) {
            String user = location.substring(5).contains("@") ? location.substring(5, location.indexOf('@')) : null;
            return sftpFolder(sftp.group(1), SftpTargetSpec.DEFAULT_PORT, user, sftp.group(2));
        }
        if (lower.startsWith("rest:")) {
            Server server = server(URI.create(location.substring(5)));
            String path = URI.create(location.substring(5)).getPath();
            return new StoragePlace("rest", server.port(), List.of(server.host()), segments(path), null, "folder "
                    + path + " on REST server " + server.shown());
        }
        return new StoragePlace("restic", location, List.of(), List.of(), null, "restic repository "
                + ResticTargetSpec.withoutPassword(location));
    }

    /** A server of a URI: its host, and its port (the scheme's default when none is written). */
    private record Server(Host host, String port, String shown) {
    }

    private static Server server(URI uri) {
        String shown = hostAndPort(uri);
        return new Server(Host.of(uri.getHost()), shown.substring(shown.lastIndexOf(':')), shown);
    }

    /** The host (lower case) and port, the scheme's default port when none is written. */
    private static String hostAndPort(URI uri) {
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host in " + uri);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : (path == null ? "" : path).split("/+")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") && !segments.isEmpty()) {
                segments.remove(segments.size() - 1);
            } else {
                segments.add(segment);
            }
        }
        return segments;
    }
}
