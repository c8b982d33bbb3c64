package io.backupverify.engine.restore.database;

import io.backupverify.engine.plan.JdbcUrl;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialsUnavailableException;
import io.backupverify.engine.credentials.UsernamePassword;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One database restore test's server and scratch database, from start to clean-up: starts the embedded server (or
 * reaches the named one), removes this tool's stale leftovers, creates the scratch database, restores, validates,
 * and on close drops the database, stops a server it started and deletes its files — on success, failure and
 * timeout alike, and from a shutdown hook when the process is stopped.
 */
public final class DatabaseRestoreSession implements AutoCloseable {
    private final ScratchServer server;
    private final ScratchDatabase database;
    private final Path home;
    private final Runnable unregister;
    private final List<String> notes;

    private DatabaseRestoreSession(ScratchServer server, ScratchDatabase database, Path home, Runnable unregister,
            List<String> notes) {
        this.server = server;
        this.database = database;
        this.home = home;
        this.unregister = unregister;
        this.notes = notes;
    }

    /** The restore could not be set up (no server, no credentials, no client tool): an ERROR, not a verdict on the backup. */
    public static final class SetupException extends Exception {
        private static final long serialVersionUID = 1L;

        SetupException(String message) {
            super(message);
        }
    }

    /**
     * Prepares a scratch database for a restore.
     *
     * @param scratchParent where a started server keeps its files (in a folder of its own)
     */
    public static DatabaseRestoreSession open(DatabaseRestoreOptions options, CredentialResolver credentials,
            Path scratchParent, Instant now) throws SetupException, InterruptedException {
        List<String> notes = new ArrayList<>();
        Path parent = options.postgres() || options.url() != null ? scratchParent
                : MariaDbServer.homeParent(scratchParent);
        for (Path folder : new java.util.LinkedHashSet<>(List.of(scratchParent, parent))) {
            ScratchHomes.removeStale(folder, now.minus(ScratchDatabase.STALE_AFTER)).forEach(stale ->
                    notes.add("removed stale scratch server folder " + stale + " (older than a day)"));
        }
        Path home;
        try {
            home = ScratchHomes.create(parent, now);
        } catch (IOException e) {
            throw new SetupException("cannot create a scratch folder in " + scratchParent + ": "
                    + io.backupverify.engine.util.IoErrors.describe(e));
        }
        Runnable unregisterHome = ShutdownCleanup.register("delete scratch folder " + home,
                () -> ScratchHomes.delete(home));
        ScratchServer server = null;
        Runnable unregisterServer = () -> { };
        try {
            server = server(options, credentials, home);
            if (server.startedForTest()) {
                unregisterServer = ShutdownCleanup.register("stop " + server.description(), server::close);
            }
            ScratchDatabase database;
            Connection admin = server.connectAdmin();
            try {
                if (!server.startedForTest()) {
                    for (String stale : ScratchDatabase.removeStale(server, admin, now)) {
                        notes.add("dropped stale scratch database " + stale + " on " + server.description()
                                + " (older than a day)");
                    }
                }
                // the connection stays open, to drop the database through at the end
                database = ScratchDatabase.createKeeping(server, admin, now);
            } catch (SQLException | RuntimeException e) {
                closeQuietly(admin);
                throw e;
            }
            Runnable serverHook = unregisterServer;
            return new DatabaseRestoreSession(server, database, home, () -> {
                serverHook.run();
                unregisterHome.run();
            }, notes);
        } catch (SQLException e) {
            String where = server == null ? "the database server" : server.description();
            cleanUp(server, home, unregisterServer, unregisterHome);
            throw new SetupException("cannot create a scratch database on " + where + ": "
                    + SqlValidator.message(e));
        } catch (SetupException | InterruptedException | RuntimeException e) {
            cleanUp(server, home, unregisterServer, unregisterHome);
            throw e;
        }
    }

    private static ScratchServer server(DatabaseRestoreOptions options, CredentialResolver credentials, Path home)
            throws SetupException, InterruptedException {
        if (options.url() == null) {
            if (options.postgres() && !EmbeddedPostgresSupport.available()) {
                throw new SetupException(EmbeddedPostgresSupport.UNAVAILABLE);
            }
            try {
                return options.postgres() ? EmbeddedPostgresServer.start(home)
                        : MariaDbServer.start(home, Duration.ofMinutes(5));
            } catch (IOException e) {
                throw new SetupException(io.backupverify.engine.util.IoErrors.describe(e));
            }
        }
        JdbcUrl url = JdbcUrl.parse(options.url()).orElseThrow(() -> new SetupException("database.url is not "
                + JdbcUrl.expectedForm(options.postgres() ? "postgresql" : "mariadb")));
        if (url.isPostgres() != options.postgres()) {
            throw new SetupException("database.url names a " + (url.isPostgres() ? "PostgreSQL" : "MariaDB/MySQL")
                    + " server for a " + (options.postgres() ? "postgres" : "mysql") + " restore");
        }
        if (url.isPostgres() && url.database().isEmpty()) {
            url = new JdbcUrl(url.scheme(), url.host(), url.port(), "postgres", url.query());
        }
        if (options.credentialsId() == null) {
            throw new SetupException("database.url needs credentialsId (a user name and password)");
        }
        try {
            UsernamePassword login = credentials.resolve(options.credentialsId(), UsernamePassword.class,
                    "username and password");
            return new NamedServer(url, login.username(),
                    login.password().isEmpty() ? Optional.empty() : Optional.of(login.password()));
        } catch (CredentialsUnavailableException e) {
            throw new SetupException(e.getMessage());
        }
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public ScratchDatabase database() {
        return database;
    }

    /** Whether the server was started for this test (and is stopped by {@link #cleanUp()}). */
    public boolean startedServer() {
        return server.startedForTest();
    }

    /** The folder the client tools keep their password files in (readable by this user only). */
    Path home() {
        return home;
    }

    public String serverDescription() {
        return server.description();
    }

    /**
     * Restores the dump; the private work folder of the tools is this session's folder. A dump that restores
     * without an error but leaves no row in any table is the dump's fault: it proves nothing.
     */
    public DatabaseRestorer.Outcome restore(DumpSource dump, DumpFormat format, int jobs, Duration limit)
            throws InterruptedException {
        DatabaseRestorer.Outcome outcome = new DatabaseRestorer(jobs).restore(dump, format, database, limit, home);
        if (!outcome.restored()) {
            return outcome;
        }
        try {
            return RestoredData.nothingIn(database, DatabaseRestoreOptions.DEFAULT_STATEMENT_TIMEOUT)
                    .map(problem -> DatabaseRestorer.Outcome.dumpFault(format, problem)).orElse(outcome);
        } catch (SQLException e) {
            return DatabaseRestorer.Outcome.cannotRun(format, "could not look into the restored database: "
                    + SqlValidator.message(e));
        }
    }

    public SqlValidator.Result validate(List<SqlValidation> validations, Duration statementTimeout) {
        return new SqlValidator(statementTimeout).validate(database, validations);
    }

    /**
     * Drops the scratch database, stops a started server and deletes the session's folder.
     *
     * @return what was removed, for the report; a database that could not be dropped is said too
     */
    public List<String> cleanUp() {
        List<String> said = new ArrayList<>();
        try {
            database.drop();
            said.add("dropped scratch database " + database.name() + " on " + server.description());
        } catch (SQLException e) {
            said.add("could NOT drop scratch database " + database.name() + " on " + server.description() + ": "
                    + SqlValidator.message(e) + " (a later run removes it once it is a day old)");
        }
        if (server.startedForTest()) {
            said.add("stopped " + server.description());
        }
        cleanUp(server, home, unregister);
        said.add("deleted scratch folder " + home);
        return said;
    }

    @Override
    public void close() {
        if (!database.isDropped()) {
            cleanUp();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // it was only used to create the database, which failed
        }
    }

    private static void cleanUp(ScratchServer server, Path home, Runnable... unregister) {
        if (server != null && server.startedForTest()) {
            server.close();
        }
        ScratchHomes.delete(home);
        for (Runnable hook : unregister) {
            hook.run();
        }
    }
}
