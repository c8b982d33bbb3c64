package io.backupverify.engine.plan;


/**
 * How a restore test restores a backup. The {@code kind} key selects the kind; each kind has its own keys.
 * A kind that is not listed here is a plan error naming the key.
 *
 * <p>To add a kind: list its spec under its plan name in {@link PlanBinder#RESTORE_KINDS}, and register its
 * implementation in {@code io.backupverify.engine.restore.RestoreKinds}.
 */
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
