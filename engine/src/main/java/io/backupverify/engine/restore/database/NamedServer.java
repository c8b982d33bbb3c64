package io.backupverify.engine.restore.database;

import io.backupverify.engine.plan.JdbcUrl;
import io.backupverify.engine.credentials.SecretValue;
import java.util.Optional;

/** A server the plan names by JDBC URL, reached with the plan's credentials. It is never stopped or changed beyond the scratch databases. */
public record NamedServer(JdbcUrl address, String user, Optional<SecretValue> password) implements ScratchServer {
    @Override
    public Dialect dialect() {
        return address.isPostgres() ? Dialect.POSTGRES : Dialect.MARIADB;
    }

    @Override
    public String description() {
        return (address.isPostgres() ? "PostgreSQL" : "MariaDB/MySQL") + " server " + address.host() + ":"
                + address.port();
    }

    @Override
    public boolean startedForTest() {
        return false;
    }

    @Override
    public void close() {
        // a named server is the user's: it keeps running
    }
}
