package io.backupverify.engine.restore.database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database created for one restore test, named {@code bv_scratch_<epoch seconds>_<random>} so that a later run
 * can tell this tool's leftovers and their age. It is dropped on close, and by a shutdown hook when the process is
 * stopped (Ctrl-C, SIGTERM) while it exists.
 */
public final class ScratchDatabase implements AutoCloseable {
    static final String PREFIX = "bv_scratch_";
    private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d{9,12})_[0-9a-f]{8}");
    /** Leftovers older than this are taken to be of a run that was killed, not of one still running. */
    public static final Duration STALE_AFTER = Duration.ofDays(1);

    private final ScratchServer server;
    private final String name;
    private boolean dropped;
    private Runnable unregister = () -> { };
    /** The administrative connection it was created through, kept to drop it through; null when not kept. */
    private Connection admin;

    private ScratchDatabase(ScratchServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates a fresh, empty database on the server. */
    public static ScratchDatabase create(ScratchServer server, Instant now) throws SQLException {
        try (Connection admin = server.connectAdmin()) {
            return create(server, admin, now);
        }
    }

    /** Creates a fresh, empty database on the server through an administrative connection already open. */
    public static ScratchDatabase create(ScratchServer server, Connection admin, Instant now) throws SQLException {
        return create(server, admin, now, false);
    }

    /**
     * Creates a fresh, empty database through an administrative connection, which it keeps (and closes) to drop the
     * database through: one connection less at the end of the test.
     */
    static ScratchDatabase createKeeping(ScratchServer server, Connection admin, Instant now) throws SQLException {
        return create(server, admin, now, true);
    }

    private static ScratchDatabase create(ScratchServer server, Connection admin, Instant now, boolean keep)
            throws SQLException {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String name = PREFIX + now.getEpochSecond() + "_" + HexFormat.of().formatHex(random);
        ScratchDatabase database = new ScratchDatabase(server, name);
        server.dialect().create(admin, name);
        if (keep) {
            database.admin = admin;
        }
        database.unregister = ShutdownCleanup.register("drop scratch database " + name + " on "
                + server.description(), database::drop);
        return database;
    }

    public String name() {
        return name;
    }

    public ScratchServer server() {
        return server;
    }

    /** The database's JDBC URL, without credentials, for validation commands. */
    public String jdbcUrl() {
        return server.address().withDatabase(name);
    }

    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** Drops the database (with any sessions still open on it); a second call does nothing. */
    public synchronized void drop() throws SQLException {
        if (dropped) {
            return;
        }
        if (admin != null) {
            Connection kept = admin;
            admin = null;
            try (kept) {
                server.dialect().drop(kept, name);
                dropped = true;
            } catch (SQLException e) {
                // the server may have closed a connection idle through a long restore: a new one tries again
            }
        }
        if (!dropped) {
            try (Connection fresh = server.connectAdmin()) {
                server.dialect().drop(fresh, name);
            }
            dropped = true;
        }
        unregister.run();
    }

    public synchronized boolean isDropped() {
        return dropped;
    }

    @Override
    public void close() throws SQLException {
        drop();
    }

    /**
     * Drops this tool's scratch databases on the server that are older than {@link #STALE_AFTER}: leftovers of a
     * killed run. Younger ones may belong to a run still going and are left.
     *
     * @return the names dropped
     */
    public static List<String> removeStale(ScratchServer server, Connection admin, Instant now)
            throws SQLException {
        List<String> removed = new ArrayList<>();
        for (String database : server.dialect().databases(admin)) {
            Matcher matcher = NAME.matcher(database);
            if (matcher.matches() && Instant.ofEpochSecond(Long.parseLong(matcher.group(1)))
                    .isBefore(now.minus(STALE_AFTER))) {
                server.dialect().drop(admin, database);
                removed.add(database);
            }
        }
        return removed;
    }
}
