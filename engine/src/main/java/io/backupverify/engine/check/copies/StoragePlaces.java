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
 * Where a copy is stored, from its target's keys and, for folders on this machine, the file system's device number.
 * What counts as the same storage, per kind of target:
 * <ul>
 * <li>a local or mounted folder, and a restic repository in one: the same file system (device number);</li>
 * <li>S3, and restic's {@code s3:} repositories: the same bucket at the same endpoint (any prefix in it);</li>
 * <li>Azure: the same container of the same account (blob service URL);</li>
 * <li>SFTP, and restic's {@code sftp:} repositories: the same host and port, with one folder equal to or inside
 * the other;</li>
 * <li>restic's {@code rest:} repositories: the same server, one folder equal to or inside the other; any other
 * restic backend: the same repository.</li>
 * </ul>
 */
final class StoragePlaces {
    private static final Pattern AWS_HOST = Pattern.compile("(?:.*\\.)?s3(?:[.-][a-z0-9-]+)*\\.amazonaws\\.com");
    private static final Pattern RESTIC_SFTP = Pattern.compile("^(?:[^@/]*@)?([^:/]+):(.*)$");

    private StoragePlaces() {
    }

    /** The place of a backup at a target, or empty when nothing tells it (a file system without device numbers). */
    static Optional<StoragePlace> of(TargetSpec spec, Target target, Backup backup) {
        Optional<Path> folder = target.localPath(backup.path());
        if (folder.isEmpty() && target instanceof ResticTarget restic) {
            folder = restic.repositoryFolder();
        }
        return folder.isPresent() ? device(folder.get()) : of(spec);
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

    private static Optional<StoragePlace> device(Path folder) {
        try {
            Object device = Files.getAttribute(folder, "unix:dev");
            return Optional.of(new StoragePlace("device", device.toString(), List.of(), "file system, device "
                    + device));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no device numbers here (not a Unix file system view): nothing to tell the copies apart by
            return Optional.empty();
        }
    }

    private static StoragePlace bucket(URI endpoint, String bucket) {
        String server = endpoint == null ? "aws" : server(endpoint);
        if (endpoint != null && AWS_HOST.matcher(endpoint.getHost() == null ? "" : endpoint.getHost()
                .toLowerCase(Locale.ROOT)).matches()) {
            server = "aws";
        }
        return new StoragePlace("s3", server, List.of(bucket), "S3 bucket " + bucket + " at "
                + (server.equals("aws") ? "Amazon S3" : server));
    }

    private static StoragePlace container(AzureTargetSpec azure) {
        String server;
        if (azure.endpoint() != null && !azure.endpoint().isBlank()) {
            URI endpoint = URI.create(azure.endpoint().strip());
            List<String> account = segments(endpoint.getPath());
            server = server(endpoint) + (account.isEmpty() ? "" : "/" + account.get(0));
        } else if (azure.account() != null && !azure.account().isBlank()) {
            server = azure.account().strip().toLowerCase(Locale.ROOT) + ".blob.core.windows.net:443";
        } else {
            server = azure.credentialsId() == null ? "the account of AZURE_STORAGE_CONNECTION_STRING"
                    : "the account of credentials " + azure.credentialsId().strip();
        }
        return new StoragePlace("azure", server, List.of(azure.container().strip()), "Azure container "
                + azure.container().strip() + " at " + server);
    }

    private static StoragePlace sftpFolder(String host, int port, String username, String path) {
        String server = host.strip().toLowerCase(Locale.ROOT) + ":" + port;
        List<String> folders = new ArrayList<>();
        if (!path.strip().startsWith("/")) {
            // a relative path starts in the login's home folder, which differs between users
            folders.add("~" + (username == null ? "" : username.strip()));
        }
        folders.addAll(segments(path));
        return new StoragePlace("sftp", server, folders, "folder /" + String.join("/", folders) + " on SFTP server "
                + server);
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
            URI uri = URI.create(location.substring(5));
            return new StoragePlace("rest", server(uri), segments(uri.getPath()), "folder " + uri.getPath()
                    + " on REST server " + server(uri));
        }
        return new StoragePlace("restic", location, List.of(), "restic repository "
                + ResticTargetSpec.withoutPassword(location));
    }

    /** The host (lower case) and port, the scheme's default port when none is written. */
    private static String server(URI uri) {
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host in " + uri);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static List<String> segments(String path) {
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
