package io.backupverify.engine.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How a restore test restores a backup. The {@code kind} key selects the kind; each kind has its own keys.
 * A kind that is not listed here is a plan error naming the key.
 *
 * <p>To add a kind: list its spec here under its plan name, and register its implementation in
 * {@code io.backupverify.engine.restore.RestoreKinds}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FilesRestoreSpec.class, name = "files"),
        @JsonSubTypes.Type(value = ArchiveRestoreSpec.class, name = "archive"),
        @JsonSubTypes.Type(value = PostgresRestoreSpec.class, name = "postgres"),
        @JsonSubTypes.Type(value = MysqlRestoreSpec.class, name = "mysql"),
        @JsonSubTypes.Type(value = ResticRestoreSpec.class, name = "restic"),
})
public interface RestoreSpec {
    /** The plan's name for this kind: {@code files}, {@code archive}, {@code postgres}, ... */
    String kind();

    /** Whether the kind restores into a database, where the tables, minRows and sql validations apply. */
    default boolean isDatabase() {
        return false;
    }

    /** The credentials this kind needs (a named database server, say), or null. */
    default String credentialsId() {
        return null;
    }
}
