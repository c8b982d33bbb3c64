package io.backupverify.engine.restore.database;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Feeds a {@code mysqldump}/{@code mariadb-dump} file to the client connected to the scratch database, through a
 * {@link MysqlStatementFilter}: the statements that name a database ({@code USE}, {@code CREATE DATABASE} of a dump
 * made with {@code --databases}, quoted or not, in conditional comments or not) are left out, so everything lands in
 * the scratch database and nothing in a database of that name. A dump of several databases cannot be restore-tested
 * (ERROR): a restore test restores one.
 */
final class MysqlSqlFeeder extends SqlFeeder {
    static final String TRAILER = "-- Dump completed";

    MysqlSqlFeeder(DumpSource dump) {
        super(dump, TRAILER);
    }

    @Override
    protected void transfer(InputStream sql, OutputStream tool) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(tool, 1 << 16);
        new MysqlStatementFilter(sql, buffered).run();
    }
}
