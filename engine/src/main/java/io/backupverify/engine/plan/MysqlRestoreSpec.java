package io.backupverify.engine.plan;

/**
 * Restores a {@code mysqldump}/{@code mariadb-dump} (SQL, plain or gzip-compressed) with the {@code mariadb}
 * client into a scratch database.
 *
 * @param database         where to restore: a scratch MariaDB started for the test (default) or a named server
 * @param file             a glob naming the dump when the backup holds several files
 * @param statementTimeout how long each validation statement may run; default 5m
 */
public record MysqlRestoreSpec(DatabaseServerSpec database, String file, DurationValue statementTimeout)
        implements DatabaseRestoreSpec {
    public MysqlRestoreSpec {
        database = database == null ? DatabaseServerSpec.EMBEDDED : database;
    }

    @Override
    public String kind() {
        return "mysql";
    }

    @Override
    public String format() {
        return "auto";
    }

    @Override
    public Integer jobs() {
        return 1;
    }
}
