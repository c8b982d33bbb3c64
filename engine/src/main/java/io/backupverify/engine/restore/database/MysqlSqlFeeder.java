package io.backupverify.engine.restore.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feeds a {@code mysqldump}/{@code mariadb-dump} file to the client connected to the scratch database. A dump made
 * with {@code --databases} names its database ({@code CREATE DATABASE}, {@code USE}); those statements are left out
 * so everything lands in the scratch database and nothing in a database of that name. A dump of several databases
 * cannot be restore-tested (ERROR): a restore test restores one.
 */
final class MysqlSqlFeeder extends SqlFeeder {
    static final String TRAILER = "-- Dump completed";
    private static final Pattern NAMES_DATABASE = Pattern.compile(
            "(?i)^(?:USE\\s+|CREATE\\s+DATABASE\\s+(?:/\\*!\\d+\\s*)?(?:IF\\s+NOT\\s+EXISTS\\s*)?(?:\\*/\\s*)?)"
                    + "`((?:[^`]|``)+)`.*");
    private static final Pattern DROPS_DATABASE = Pattern.compile("(?i)^(?:/\\*!\\d+\\s+)?DROP\\s+DATABASE\\b.*");

    private String database;

    MysqlSqlFeeder(DumpSource dump) {
        super(dump, TRAILER);
    }

    @Override
    protected String keep(String line) throws DumpContentException {
        if (DROPS_DATABASE.matcher(line).matches()) {
            return null;
        }
        Matcher matcher = NAMES_DATABASE.matcher(line);
        if (!matcher.matches()) {
            return line;
        }
        String named = matcher.group(1).replace("``", "`");
        if (database == null) {
            database = named;
        } else if (!database.equals(named)) {
            throw new DumpContentException.NotTestable("the dump holds more than one database (" + database
                    + ", " + named + "): a restore test restores the dump of one database into its scratch database, "
                    + "so it cannot test this file; keep one database's dump per file (mariadb-dump DATABASE, or "
                    + "--databases with one name)");
        }
        return null;
    }

    /** The database the dump named, if any. */
    String namedDatabase() {
        return database;
    }
}
