package io.backupverify.engine.restore.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What differs between PostgreSQL and MariaDB/MySQL for scratch databases and validations. */
public enum Dialect {
    POSTGRES {
        @Override
        String quote(String identifier) {
            return "\"" + identifier.replace("\"", "\"\"") + "\"";
        }

        /**
         * Copies template0, not template1 as {@code createdb} does: what a site added to template1 (tables,
         * extensions) would clash with the dump's own objects and fail a correct restore.
         */
        @Override
        void create(Connection admin, String name) throws SQLException {
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + quote(name) + " TEMPLATE template0");
            }
        }

        @Override
        void drop(Connection admin, String name) throws SQLException {
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
            }
        }

        @Override
        List<String> databases(Connection admin) throws SQLException {
            return strings(admin, "SELECT datname FROM pg_database");
        }

        @Override
        void limitSession(Connection connection, Duration timeout) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET statement_timeout = " + Math.max(1, timeout.toMillis()));
                statement.execute("SET default_transaction_read_only = on");
            }
        }

        @Override
        Optional<String> resolveTable(Connection connection, String table) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?)::text")) {
                statement.setString(1, table);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() ? Optional.ofNullable(result.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                if ("42602".equals(e.getSQLState()) || "3F000".equals(e.getSQLState())
                        || "42601".equals(e.getSQLState())) {
                    return Optional.empty(); // an invalid name or an unknown schema names no table
                }
                throw e;
            }
        }

        @Override
        List<String> tables(Connection connection) throws SQLException {
            return strings(connection, "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm') "
                    + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' "
                    + "ORDER BY 1");
        }

        @Override
        boolean holdsOtherData(Connection connection) throws SQLException {
            return !strings(connection, "SELECT 1 FROM pg_largeobject_metadata LIMIT 1").isEmpty();
        }
    },
    MARIADB {
        @Override
        String quote(String identifier) {
            return "`" + identifier.replace("`", "``") + "`";
        }

        @Override
        void drop(Connection admin, String name) throws SQLException {
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + quote(name));
            }
        }

        @Override
        List<String> databases(Connection admin) throws SQLException {
            return strings(admin, "SELECT schema_name FROM information_schema.schemata");
        }

        @Override
        void limitSession(Connection connection, Duration timeout) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                double seconds = Math.max(1, timeout.toMillis()) / 1000.0;
                statement.execute("SET SESSION max_statement_time = " + seconds);
                statement.execute("SET SESSION TRANSACTION READ ONLY");
            }
        }

        @Override
        Optional<String> resolveTable(Connection connection, String table) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                            + "AND table_name = ?")) {
                statement.setString(1, table);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() ? Optional.of(quote(result.getString(1))) : Optional.empty();
                }
            }
        }

        @Override
        List<String> tables(Connection connection) throws SQLException {
            List<String> tables = new ArrayList<>();
            for (String table : strings(connection, "SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY 1")) {
                tables.add(quote(table));
            }
            return tables;
        }

        @Override
        boolean holdsOtherData(Connection connection) {
            return false;
        }
    };

    abstract String quote(String identifier);

    /** The tables of the connection's database that hold rows (not the system's), quoted as SQL may use them. */
    abstract List<String> tables(Connection connection) throws SQLException;

    /** Whether the database holds data outside tables (PostgreSQL's large objects). */
    abstract boolean holdsOtherData(Connection connection) throws SQLException;

    /** Whether a table holds at least one row, without counting them. */
    boolean hasRow(Connection connection, String quotedTable) throws SQLException {
        return !strings(connection, "SELECT 1 FROM " + quotedTable + " LIMIT 1").isEmpty();
    }

    void create(Connection admin, String name) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + quote(name));
        }
    }

    abstract void drop(Connection admin, String name) throws SQLException;

    abstract List<String> databases(Connection admin) throws SQLException;

    /** Limits every statement of a validation session and makes it read-only. */
    abstract void limitSession(Connection connection, Duration timeout) throws SQLException;

    /** The table's name as SQL may use it, quoted, when it exists in the connection's database. */
    abstract Optional<String> resolveTable(Connection connection, String table) throws SQLException;

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
