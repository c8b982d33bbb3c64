package io.backupverify.engine.restore.database;

import io.backupverify.engine.plan.JdbcUrl;
import io.backupverify.engine.credentials.SecretValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * A database server that restore tests create scratch databases in: one started for the test (embedded PostgreSQL,
 * a MariaDB process) or one the plan names. Closing stops a server that was started and leaves a named one alone.
 */
public interface ScratchServer extends AutoCloseable {
    Dialect dialect();

    /** Host, port and the database administrative statements connect to. */
    JdbcUrl address();

    /** A description for reports, without secrets. */
    String description();

    String user();

    Optional<SecretValue> password();

    /** Whether the server was started for this test (and all its databases are scratch). */
    boolean startedForTest();

    /** Connects to one database of the server. */
    default Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user());
        password().ifPresent(secret -> properties.setProperty("password", secret.reveal()));
        // seconds for PostgreSQL's driver, milliseconds for MariaDB's
        properties.setProperty("connectTimeout", dialect() == Dialect.POSTGRES ? "30" : "30000");
        String url = address().withDatabase(database);
        Connection connection = dialect() == Dialect.POSTGRES
                ? new org.postgresql.Driver().connect(url, properties)
                : new org.mariadb.jdbc.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("the driver does not accept " + url);
        }
        return connection;
    }

    /** Connects to the database administrative statements run in. */
    default Connection connectAdmin() throws SQLException {
        return connect(address().database());
    }

    @Override
    void close();
}
