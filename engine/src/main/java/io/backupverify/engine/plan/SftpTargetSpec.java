package io.backupverify.engine.plan;

import java.util.Optional;

/**
 * A folder on an SFTP server. The server's host key must be trusted through {@code knownHosts} (an OpenSSH
 * known_hosts file) or a pinned {@code hostKey} fingerprint ({@code SHA256:...}); an unknown or changed key is never
 * accepted. The login comes from {@code credentialsId} (SSH key or user name and password); without one, the
 * {@code username} (default: the user running the check) logs in with the keys in {@code ~/.ssh} as ssh would.
 */
public record SftpTargetSpec(String host, Integer port, String path, String username, String credentialsId,
        String knownHosts, String hostKey) implements TargetSpec {
    public static final int DEFAULT_PORT = 22;

    public SftpTargetSpec {
        port = port == null ? DEFAULT_PORT : port;
    }

    @Override
    public String type() {
        return "sftp";
    }

    /** The server's host. */
    @Override
    public String provider() {
        return host == null ? "sftp" : host.strip();
    }

    @Override
    public String describe() {
        return "sftp://" + (username == null ? "" : username + "@") + host + (port == DEFAULT_PORT ? "" : ":" + port)
                + "/" + (path == null ? "" : path.replaceFirst("^/+", ""));
    }

    @Override
    public Optional<KeyProblem> firstProblem() {
        if (host == null || host.isBlank()) {
            return Optional.of(new KeyProblem("host", "an sftp target needs a host"));
        }
        if (port < 1 || port > 65_535) {
            return Optional.of(new KeyProblem("port", "port " + port + " is not a TCP port (1 to 65535)"));
        }
        if (path == null || path.isBlank()) {
            return Optional.of(new KeyProblem("path", "an sftp target needs the path of the backup folder"));
        }
        boolean known = knownHosts != null && !knownHosts.isBlank();
        boolean pinned = hostKey != null && !hostKey.isBlank();
        if (!known && !pinned) {
            return Optional.of(new KeyProblem("knownHosts", "an sftp target needs knownHosts (such as "
                    + "~/.ssh/known_hosts) or hostKey (such as \"SHA256:...\" from ssh-keygen -lf) to trust the "
                    + "server; a host key is never accepted unchecked"));
        }
        if (pinned && !hostKey.trim().startsWith("SHA256:")) {
            return Optional.of(new KeyProblem("hostKey", "hostKey must be a SHA256 fingerprint such as "
                    + "\"SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s\" (ssh-keygen -lf KEY prints it)"));
        }
        return Optional.empty();
    }
}
