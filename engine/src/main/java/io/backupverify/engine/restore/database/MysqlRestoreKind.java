package io.backupverify.engine.restore.database;

import io.backupverify.engine.plan.MysqlRestoreSpec;

/** {@code kind: mysql}: a mysqldump/mariadb-dump restored with the mariadb client into a scratch database. */
public final class MysqlRestoreKind extends DatabaseRestoreKind<MysqlRestoreSpec> {
    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public Class<MysqlRestoreSpec> specType() {
        return MysqlRestoreSpec.class;
    }

    @Override
    boolean postgres() {
        return false;
    }
}
