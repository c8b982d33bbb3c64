package io.backupverify.engine.restore.database;

/** The kinds of database dump a restore test understands, each found by content. */
public enum DumpFormat {
    /** {@code pg_dump -Fc}: one file starting with {@code PGDMP}. */
    POSTGRES_CUSTOM("PostgreSQL custom-format dump", true),
    /** {@code pg_dump -Fd}: a folder holding {@code toc.dat} and one data file per table. */
    POSTGRES_DIRECTORY("PostgreSQL directory-format dump", true),
    /** {@code pg_dump -Ft}: a tar archive whose first member is {@code toc.dat}. */
    POSTGRES_TAR("PostgreSQL tar-format dump", true),
    /** {@code pg_dump -Fp}: SQL text, possibly gzip-compressed, ending with pg_dump's trailer. */
    POSTGRES_PLAIN("PostgreSQL plain SQL dump", true),
    /** {@code mysqldump} / {@code mariadb-dump}: SQL text, possibly gzip-compressed. */
    MYSQL_SQL("MySQL/MariaDB SQL dump", false);

    private final String description;
    private final boolean postgres;

    DumpFormat(String description, boolean postgres) {
        this.description = description;
        this.postgres = postgres;
    }

    public String description() {
        return description;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Whether {@code pg_restore} reads it (as opposed to SQL text fed to a client). */
    public boolean isArchive() {
        return this == POSTGRES_CUSTOM || this == POSTGRES_DIRECTORY || this == POSTGRES_TAR;
    }

    /** The plan's name for the format ({@code custom}, {@code directory}, {@code tar}, {@code plain}, {@code sql}). */
    public String planName() {
        return switch (this) {
            case POSTGRES_CUSTOM -> "custom";
            case POSTGRES_DIRECTORY -> "directory";
            case POSTGRES_TAR -> "tar";
            case POSTGRES_PLAIN -> "plain";
            case MYSQL_SQL -> "sql";
        };
    }
}
