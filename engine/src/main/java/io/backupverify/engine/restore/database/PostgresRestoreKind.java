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

    /** Whether {@code psql} and {@code pg_restore}, which every PostgreSQL restore needs, are installed here. */
    public static boolean clientToolsInstalled() {
        return ClientTools.find("psql").isPresent() && ClientTools.find("pg_restore").isPresent();
    }

    @Override
    boolean postgres() {
        return true;
    }
}
