package io.backupverify.engine.restore.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feeds a plain {@code pg_dump} file to {@code psql}, leaving out ownership and privilege statements
 * ({@code ALTER ... OWNER TO}, {@code GRANT}, {@code REVOKE}) as {@code pg_restore --no-owner --no-privileges} does,
 * since the dump's roles need not exist on the scratch server. COPY data passes untouched.
 *
 * <p>A dump made with {@code --create} (and {@code --clean}) creates, drops and connects to its own database: those
 * statements are left out, with the {@code \connect} that follows its {@code CREATE DATABASE}, so that everything
 * lands in the scratch database psql is connected to, and no other database of the server is created, dropped,
 * altered or connected to. The database's settings ({@code ALTER DATABASE name SET ...}) are applied to the scratch
 * database instead, as a restore with {@code --create} applies them to the database it makes; its other
 * properties (owner, template flag, connection limit, comment, labels, per-role settings) are left out. A dump that
 * connects to any other database (such as {@code pg_dumpall}'s), and a file of several dumps one after another,
 * cannot be restore-tested (ERROR): a restore test restores one database.
 *
 * <p>psql obeys meta-commands (backslash commands) anywhere outside quotes, and {@code \!} runs a shell command on
 * this machine. pg_dump writes none but {@code \connect} (after {@code \encoding SQL_ASCII} for some names, passed
 * as the {@code SET client_encoding} it does) and, since 17.6/16.10/15.14/14.19/13.22, a
 * {@code \restrict KEY} ... <code>&#92;unrestrict KEY</code> pair that makes psql refuse all others; an older or a hostile
 * dump need not. So psql is restricted first with a key of this run's own, which no dump can know, and the dump's
 * own pair is left out: any meta-command of the dump stops psql with an error, wherever it stands in a line.
 */
final class PostgresSqlFeeder extends SqlFeeder {
    static final String TRAILER = "-- PostgreSQL database dump complete";
    /** The comment pg_dump begins a plain dump with (in a block of {@code --} lines). */
    private static final String HEADER = "-- PostgreSQL database dump";
    private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[^\\s;\"]+)";
    private static final Pattern CREATES_DATABASE = Pattern.compile("(?i)^CREATE\\s+DATABASE\\s+" + NAME + ".*");
    private static final Pattern SETS_DATABASE = Pattern.compile("(?i)^ALTER\\s+DATABASE\\s+" + NAME
            + "(\\s+(?:SET|RESET)\\s.*)");
    private static final Pattern NAMES_A_DATABASE = Pattern.compile("(?i)^(?:(?:CREATE|DROP|ALTER)\\s+DATABASE\\s"
            + "|COMMENT\\s+ON\\s+DATABASE\\s|SECURITY\\s+LABEL\\s+(?:FOR\\s+\\S+\\s+)?ON\\s+DATABASE\\s"
            + "|ALTER\\s+ROLE\\s+.*\\sIN\\s+DATABASE\\s).*");
    private static final Pattern RESTRICTS = Pattern.compile("^\\\\(?:un)?restrict(?:\\s.*)?$");
    /** {@code \encoding SQL_ASCII}, which pg_dump writes before a {@code \connect} to a name not plain ASCII. */
    private static final Pattern ENCODING = Pattern.compile("^\\\\encoding\\s+([A-Za-z0-9_-]+)\\s*$");
    private static final Pattern CONNECTS = Pattern.compile("^\\\\(?:connect|c)(?:\\s.*)?$");
    /** {@code \connect name}, as pg_dump writes it for a plain name. */
    private static final Pattern CONNECTS_BY_NAME = Pattern.compile("^\\\\(?:connect|c)\\s+([^\\s\"'-]\\S*)\\s*$");
    /** {@code \connect -reuse-previous=on "dbname='na''me'"}, as pg_dump writes it for any other name. */
    private static final Pattern CONNECTS_BY_DBNAME = Pattern.compile(
            "^\\\\(?:connect|c)\\s+-reuse-previous=on\\s+\"dbname='((?:[^'\\\\]|\\\\.)*)'\"\\s*$");

    private final String scratchDatabase;
    private final String restrictKey = restrictKey();
    private boolean inCopy;
    /** Whether a dump's closing line has gone by: a dump beginning after it is a second dump in the file. */
    private boolean ended;
    private String createdDatabase;
    /** Inside a statement being left out, until the line that ends it. */
    private boolean skipping;
    /** The quote ({@code '} or {@code "}) the statement being left out is inside at the end of a line, or 0. */
    private char openQuote;

    /** @param scratchDatabase the database psql is connected to, which the dump's database settings go to */
    PostgresSqlFeeder(DumpSource dump, String scratchDatabase) {
        super(dump, TRAILER);
        this.scratchDatabase = scratchDatabase;
    }

    /** Line 1 of what psql reads; line N + 1 is line N of the dump. */
    @Override
    protected String preamble() {
        return "\\restrict " + restrictKey + "\n";
    }

    private static String restrictKey() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            key.append(letters.charAt(random.nextInt(letters.length())));
        }
        return key.toString();
    }

    @Override
    protected String keep(String line) throws DumpContentException {
        if (skipping) {
            skipStatement(line);
            return null;
        }
        if (inCopy) {
            if (line.equals("\\.")) {
                inCopy = false;
            }
            return line;
        }
        if (line.startsWith("COPY ")) {
            inCopy = true;
            return line;
        }
        if (line.equals(TRAILER)) {
            ended = true;
        } else if (ended && line.equals(HEADER)) {
            throw new DumpContentException.NotTestable("the file holds several pg_dump dumps one after another (a "
                    + "dump begins again after the closing line \"" + TRAILER + "\", as in for db in ...; do pg_dump "
                    + "$db; done > file): a restore test restores the dump of one database into its scratch "
                    + "database, so it cannot test this file; keep one database's dump per file");
        }
        if (RESTRICTS.matcher(line).matches()) {
            return null;
        }
        Matcher encoding = ENCODING.matcher(line);
        if (encoding.matches()) {
            // what psql's \encoding does, without a meta-command
            return "SET client_encoding = '" + encoding.group(1) + "';";
        }
        if (CONNECTS.matcher(line).matches()) {
            return connect(line);
        }
        if (NAMES_A_DATABASE.matcher(line).matches()) {
            return databaseStatement(line);
        }
        if (!line.endsWith(";")) {
            return line;
        }
        boolean privileges = line.startsWith("ALTER ") && line.contains(" OWNER TO ")
                || line.startsWith("GRANT ") || line.startsWith("REVOKE ");
        return privileges ? null : line;
    }

    /**
     * pg_dump connects to the database it created, and again after setting its properties; those connections are
     * left out (psql stays on the scratch database). Any other is refused.
     */
    private String connect(String line) throws DumpContentException {
        if (createdDatabase != null && unquoted(createdDatabase).equals(connectTarget(line))) {
            return null;
        }
        throw new DumpContentException.NotTestable("the dump connects to a database it does not create (" + line
                + ")" + (createdDatabase == null ? "" : "; it creates " + createdDatabase) + ", as pg_dumpall's "
                + "dumps and scripts that choose their database do: a restore test restores the dump of one database "
                + "(pg_dump DATABASE, with or without --create) into its scratch database, so it cannot test this "
                + "file; nothing was run in that database");
    }

    /** A statement on a database by name: the scratch database gets the dump's database settings, nothing else. */
    private String databaseStatement(String line) throws DumpContentException {
        Matcher creates = CREATES_DATABASE.matcher(line);
        if (creates.matches()) {
            if (createdDatabase != null) {
                throw new DumpContentException.NotTestable("the dump creates more than one database ("
                        + createdDatabase + ", " + creates.group(1) + "; several pg_dump --create dumps in one file): "
                        + "a restore test restores the dump of one database into its scratch database, so it cannot "
                        + "test this file; keep one database's dump per file (pg_dump -Fc DATABASE)");
            }
            createdDatabase = creates.group(1);
        } else {
            Matcher sets = SETS_DATABASE.matcher(line);
            if (sets.matches() && sets.group(1).equals(createdDatabase)) {
                return "ALTER DATABASE " + Dialect.POSTGRES.quote(scratchDatabase) + sets.group(2);
            }
        }
        skipStatement(line);
        return null;
    }

    private static String connectTarget(String line) {
        Matcher byName = CONNECTS_BY_NAME.matcher(line);
        if (byName.matches()) {
            return byName.group(1);
        }
        Matcher byDbname = CONNECTS_BY_DBNAME.matcher(line);
        return byDbname.matches() ? byDbname.group(1).replace("\"\"", "\"").replaceAll("\\\\(.)", "$1") : null;
    }

    /** An SQL identifier as pg_dump writes it, without its double quotes. */
    private static String unquoted(String identifier) {
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier;
    }

    /**
     * Leaves out a statement line by line, until a line ends with {@code ;} outside a string and a quoted name (a
     * comment may span lines, and a name may hold a {@code '}). A doubled quote stays inside.
     */
    private void skipStatement(String line) {
        char quote = openQuote;
        char last = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0; // a doubled quote closes and opens again
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            }
            if (!Character.isWhitespace(c)) {
                last = c;
            }
        }
        openQuote = quote;
        skipping = !(quote == 0 && last == ';');
    }
}
