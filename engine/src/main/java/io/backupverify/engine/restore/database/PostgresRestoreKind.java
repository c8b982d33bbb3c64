package io.backupverify.engine.restore.database;

import io.backupverify.engine.plan.PostgresRestoreSpec;

/** {@code kind: postgres}: a pg_dump restored with pg_restore or psql into a scratch database. */
public final class PostgresRestoreKind extends DatabaseRestoreKind<PostgresRestoreSpec> {
    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Class<PostgresRestoreSpec> specType() {
        return PostgresRestoreSpec.class;
    }

    /**
     * Whether a restore into the embedded PostgreSQL can run here: its server binaries are bundled for Linux x86-64,
     * and the client tools it restores with ({@code psql}, {@code pg_restore}) are installed.
     */
    public static boolean embeddedRestorePossible() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")) && clientToolsInstalled();
    }

    /** Whether {@code psql} and {@code pg_restore}, which every PostgreSQL restore needs, are installed here. */
    public static boolean clientToolsInstalled() {
        return ClientTools.find("psql").isPresent() && ClientTools.find("pg_restore").isPresent();
    }

    @Override
    boolean postgres() {
        return true;
    }
}
