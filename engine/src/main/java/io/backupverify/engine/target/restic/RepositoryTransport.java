package io.backupverify.engine.target.restic;

import io.backupverify.engine.target.Transport;
import java.util.Locale;

/** How restic reaches a repository, told by the scheme of its location. */
final class RepositoryTransport {
    private RepositoryTransport() {
    }

    static Transport of(String repository) {
        String written = repository.strip();
        String lower = written.toLowerCase(Locale.ROOT);
        if (!lower.matches("^[a-z0-9]+:.*") || lower.startsWith("local:")) {
            return Transport.localDisk("a repository in a local folder");
        }
        String scheme = lower.substring(0, lower.indexOf(':'));
        String rest = lower.substring(scheme.length() + 1);
        return switch (scheme) {
            case "sftp" -> new Transport("ssh", true, "restic over SFTP");
            case "s3", "rest", "swift" -> rest.startsWith("http://")
                    ? new Transport("http", false, "restic " + scheme + " backend over plain HTTP")
                    : new Transport("https", true, "restic " + scheme + " backend over HTTPS");
            case "azure", "gs", "b2" -> new Transport("https", true, "restic " + scheme + " backend (HTTPS)");
            default -> new Transport(scheme, null, "restic " + scheme + " backend: whether it encrypts its "
                    + "connection cannot be told from here");
        };
    }
}
