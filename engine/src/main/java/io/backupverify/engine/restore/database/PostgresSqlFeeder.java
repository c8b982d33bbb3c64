package io.backupverify.engine.restore.database;

/**
 * Feeds a plain {@code pg_dump} file to {@code psql}, leaving out ownership and privilege statements
 * ({@code ALTER ... OWNER TO}, {@code GRANT}, {@code REVOKE}) as {@code pg_restore --no-owner --no-privileges} does,
 * since the dump's roles need not exist on the scratch server. COPY data passes untouched.
 */
final class PostgresSqlFeeder extends SqlFeeder {
    static final String TRAILER = "-- PostgreSQL database dump complete";

    private boolean inCopy;

    PostgresSqlFeeder(DumpSource dump) {
        super(dump, TRAILER);
    }

    @Override
    protected boolean keep(String line) {
        if (inCopy) {
            if (line.equals("\\.")) {
                inCopy = false;
            }
            return true;
        }
        if (line.startsWith("COPY ")) {
            inCopy = true;
            return true;
        }
        if (!line.endsWith(";")) {
            return true;
        }
        return !(line.startsWith("ALTER ") && line.contains(" OWNER TO ")
                || line.startsWith("GRANT ") || line.startsWith("REVOKE "));
    }
}
