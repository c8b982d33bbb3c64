package io.backupverify.engine.restore.database;

import io.backupverify.engine.restore.Restored;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dump restored into a scratch database. A validation command finds it through its environment: the JDBC URL
 * ({@value #JDBC_URL_VARIABLE}, without credentials) and the client tools' own variables ({@code PGHOST},
 * {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSFILE} for PostgreSQL; {@code MYSQL_HOST},
 * {@code MYSQL_TCP_PORT} and an option file in {@value #MYSQL_OPTIONS_VARIABLE} for MariaDB), so that
 * {@code psql -c ...} or {@code mariadb --defaults-extra-file=$BACKUP_VERIFY_MYSQL_OPTIONS ...} reach it. No
 * password is in the environment; the files holding one are readable by this user only.
 */
public final class DatabaseRestored extends Restored {
    public static final String JDBC_URL_VARIABLE = "BACKUP_VERIFY_JDBC_URL";
    public static final String DATABASE_VARIABLE = "BACKUP_VERIFY_DATABASE";
    public static final String MYSQL_OPTIONS_VARIABLE = "BACKUP_VERIFY_MYSQL_OPTIONS";

    private final DatabaseRestoreSession session;

    DatabaseRestored(Path folder, DatabaseRestoreSession session, long files, long bytes) {
        super(folder, environment(folder, session), files, bytes, java.util.List.of());
        this.session = session;
    }

    private static Map<String, String> environment(Path folder, DatabaseRestoreSession session) {
        ScratchDatabase database = session.database();
        ScratchServer server = database.server();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(FOLDER_VARIABLE, folder.toString());
        environment.put(JDBC_URL_VARIABLE, database.jdbcUrl());
        environment.put(DATABASE_VARIABLE, database.name());
        String host = server.address().host();
        String port = String.valueOf(server.address().port());
        if (server.dialect() == Dialect.POSTGRES) {
            environment.put("PGHOST", host);
            environment.put("PGPORT", port);
            environment.put("PGDATABASE", database.name());
            environment.put("PGUSER", server.user());
            environment.put("PGPASSFILE", session.home().resolve(".pgpass").toString());
        } else {
            environment.put("MYSQL_HOST", host);
            environment.put("MYSQL_TCP_PORT", port);
            environment.put(MYSQL_OPTIONS_VARIABLE, session.home().resolve(".my.cnf").toString());
        }
        return environment;
    }

    DatabaseRestoreSession session() {
        return session;
    }
}
