package io.backupverify.engine.plan;

/** What the database restore kinds ({@code postgres}, {@code mysql}) have in common. */
public interface DatabaseRestoreSpec extends RestoreSpec {
    String format();

    DatabaseServerSpec database();

    String file();

    Integer jobs();

    DurationValue statementTimeout();

    @Override
    default boolean isDatabase() {
        return true;
    }

    @Override
    default String credentialsId() {
        return database().credentialsId();
    }
}
