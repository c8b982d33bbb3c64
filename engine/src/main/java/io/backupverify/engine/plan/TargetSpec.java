package io.backupverify.engine.plan;

import java.util.List;
import java.util.Optional;

/**
 * Where a backup set is stored. The {@code type} key selects the kind of storage; each kind has its own keys.
 * {@link #credentialsId()} names the credentials the caller (command line or Jenkins) must supply, if any.
 */
public interface TargetSpec {
    /** The plan's name for this kind of target: {@code local}, {@code s3}, {@code sftp}, {@code restic}. */
    String type();

    /** A description safe for logs and reports: never contains a secret. */
    String describe();

    /** The credentials this target needs, or null. */
    default String credentialsId() {
        return null;
    }

    /** Every credentials id this target names (a restic repository names its password's too), in plan order. */
    default List<String> credentialIds() {
        String id = credentialsId();
        return id == null || id.isBlank() ? List.of() : List.of(id.trim());
    }

    /** The first problem with this target's own keys (a missing host, a malformed value), if any. */
    default Optional<KeyProblem> firstProblem() {
        return Optional.empty();
    }

    /**
     * Who provides the storage, for counting distinct providers of copies: {@code local} for local folders, the
     * endpoint's host for object stores, the account for Azure, the host for SFTP.
     */
    default String provider() {
        return type();
    }

    /** Whether the storage is reached over a network (and so is off-site unless the plan says otherwise). */
    default boolean remote() {
        return !"local".equals(type());
    }
}
