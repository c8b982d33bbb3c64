package io.backupverify.engine.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Where a backup set is stored. The {@code type} key selects the kind of storage; each kind has its own keys.
 * {@link #credentialsId()} names the credentials the caller (command line or Jenkins) must supply, if any.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LocalTargetSpec.class, name = "local"),
        @JsonSubTypes.Type(value = S3TargetSpec.class, name = "s3"),
})
public interface TargetSpec {
    /** The plan's name for this kind of target: {@code local}, {@code s3}, {@code sftp}, {@code restic}. */
    String type();

    /** A description safe for logs and reports: never contains a secret. */
    String describe();

    /** The credentials this target needs, or null. */
    default String credentialsId() {
        return null;
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
