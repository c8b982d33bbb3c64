package io.backupverify.engine.restore.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Whether a restored dump left any data in the scratch database. A dump of an empty database (often the wrong
 * one) or a schema-only dump restores without an error and proves nothing, as a restore that produces no file
 * proves nothing; the first row found settles it, so a large database costs no more than a small one.
 */
final class RestoredData {
    private RestoredData() {
    }

    /** Why the database holds nothing to restore from, or empty when some table holds a row. */
    static Optional<String> nothingIn(ScratchDatabase database, Duration statementTimeout) throws SQLException {
        Dialect dialect = database.server().dialect();
        try (Connection connection = database.connect()) {
            dialect.limitSession(connection, statementTimeout);
            List<String> tables = dialect.tables(connection);
            for (String table : tables) {
                if (dialect.hasRow(connection, table)) {
                    return Optional.empty();
                }
            }
            if (dialect.holdsOtherData(connection)) {
                return Optional.empty();
            }
            String schemaOnly = dialect == Dialect.POSTGRES ? "pg_dump --schema-only" : "mariadb-dump --no-data";
            if (tables.isEmpty()) {
                return Optional.of("the dump restored without an error but restored no table: it is a dump of an "
                        + "empty database (the wrong database?) and proves nothing");
            }
            return Optional.of("the dump restored " + tables.size() + (tables.size() == 1 ? " table" : " tables")
                    + " and not one row: a dump of an empty database or a schema-only dump (" + schemaOnly
                    + ") proves nothing");
        }
    }
}
