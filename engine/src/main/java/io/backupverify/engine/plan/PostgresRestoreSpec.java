package io.backupverify.engine.plan;

/**
 * Restores a {@code pg_dump} (custom, directory, tar or plain SQL, found by content) with {@code pg_restore} or
 * {@code psql} into a scratch database.
 *
 * @param format           {@code auto} (default), {@code custom}, {@code directory}, {@code tar} or {@code plain}
 * @param database         where to restore: embedded (default) or a named server
 * @param file             a glob naming the dump when the backup holds several files
 * @param jobs             parallel jobs for {@code pg_restore} (custom and directory dumps); default 1
 * @param statementTimeout how long each validation statement may run; default 5m
 */
public record PostgresRestoreSpec(String format, DatabaseServerSpec database, String file, Integer jobs,
        DurationValue statementTimeout) implements DatabaseRestoreSpec {
    public PostgresRestoreSpec {
        format = format == null ? "auto" : format;
        database = database == null ? DatabaseServerSpec.EMBEDDED : database;
        jobs = jobs == null ? 1 : jobs;
    }

    @Override
    public String kind() {
        return "postgres";
    }
}
