package io.backupverify.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A restic repository, read with the real {@code restic} command. Each snapshot that {@code snapshots} selects is
 * one backup; integrity is restic's own {@code check}.
 *
 * @param repository            what restic's {@code -r} takes: a folder, {@code s3:https://host/bucket/path},
 *                              {@code sftp:...}, {@code rest:...}
 * @param passwordCredentialsId the repository password (secret text); without it RESTIC_PASSWORD or
 *                              RESTIC_PASSWORD_FILE from the environment
 * @param credentialsId         the storage's credentials (aws for S3 repositories); without it restic's own
 *                              defaults (AWS_ACCESS_KEY_ID, ...)
 * @param snapshots             which snapshots are the set's backups; all of them when absent
 * @param command               the restic program to run; default {@code restic} from the PATH
 */
public record ResticTargetSpec(String repository, String passwordCredentialsId, String credentialsId,
        SnapshotFilter snapshots, String command) implements TargetSpec {
    /**
     * Snapshots of one host, carrying every one of the tags and taken of exactly these paths; each part is optional.
     */
    public record SnapshotFilter(String host, List<String> tags, List<String> paths) {
        public SnapshotFilter {
            tags = tags == null ? List.of() : List.copyOf(tags);
            paths = paths == null ? List.of() : List.copyOf(paths);
        }
    }

    public ResticTargetSpec {
        snapshots = snapshots == null ? new SnapshotFilter(null, null, null) : snapshots;
        command = command == null || command.isBlank() ? "restic" : command;
    }

    @Override
    public String type() {
        return "restic";
    }

    /** A repository in a folder is on this machine; any other backend is reached over a network. */
    @Override
    public boolean remote() {
        String location = repository == null ? "" : repository.strip().toLowerCase(java.util.Locale.ROOT);
        return location.matches("^[a-z0-9]+:.*") && !location.startsWith("local:");
    }

    /** {@code local} for a folder, else the backend's host (or the backend's name where it has none). */
    @Override
    public String provider() {
        if (!remote()) {
            return "local";
        }
        String location = repository.strip();
        String rest = location.substring(location.indexOf(':') + 1);
        java.util.regex.Matcher host = java.util.regex.Pattern.compile("^(?:https?://)?(?:[^@/]*@)?([^/:]+)")
                .matcher(rest);
        return host.find() ? host.group(1) : location.substring(0, location.indexOf(':'));
    }

    @Override
    public String describe() {
        String shown = "restic:" + withoutPassword(repository);
        return repository != null && repository.matches("(?i)(s3:|rest:)?http://.*")
                ? shown + " (plain HTTP: not encrypted in transit)" : shown;
    }

    /** A repository string with any {@code user:password@} in a URL masked, for messages. */
    public static String withoutPassword(String repository) {
        return repository == null ? "" : repository.replaceAll("//([^/@:]*):[^/@]*@", "//$1:****@");
    }

    @Override
    public List<String> credentialIds() {
        List<String> ids = new ArrayList<>();
        for (String id : new String[] {credentialsId, passwordCredentialsId}) {
            if (id != null && !id.isBlank() && !ids.contains(id.trim())) {
                ids.add(id.trim());
            }
        }
        return ids;
    }

    @Override
    public Optional<KeyProblem> firstProblem() {
        if (repository == null || repository.isBlank()) {
            return Optional.of(new KeyProblem("repository", "a restic target needs a repository, such as "
                    + "/srv/restic-repo or s3:https://s3.example.com/bucket/restic"));
        }
        for (int i = 0; i < snapshots.tags().size(); i++) {
            String tag = snapshots.tags().get(i);
            if (tag == null || tag.isBlank() || tag.contains(",")) {
                return Optional.of(new KeyProblem("snapshots.tags[" + i + "]",
                        "a tag must be a non-empty word without commas"));
            }
        }
        for (int i = 0; i < snapshots.paths().size(); i++) {
            String path = snapshots.paths().get(i);
            if (path == null || !path.startsWith("/")) {
                return Optional.of(new KeyProblem("snapshots.paths[" + i + "]",
                        "a snapshot path is absolute, as restic records it, such as /var/backups"));
            }
        }
        return Optional.empty();
    }
}
