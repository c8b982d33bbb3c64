package io.backupverify.engine.restore.database;

import io.backupverify.engine.check.Finding;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs SQL validations in a scratch database, each statement under a time limit, in a read-only session. A
 * validation that does not hold is a FAIL naming what failed; one that could not be run (no connection, time
 * limit) is an ERROR.
 */
public final class SqlValidator {
    private final Duration statementTimeout;

    public SqlValidator(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    /** What the validations found: problems, and the row counts seen. */
    public record Result(List<Finding> findings, Map<String, Long> rowCounts, int passed) {
    }

    public Result validate(ScratchDatabase database, List<SqlValidation> validations) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Long> rowCounts = new LinkedHashMap<>();
        int passed = 0;
        if (validations.isEmpty()) {
            return new Result(findings, rowCounts, 0);
        }
        try (Connection connection = database.connect()) {
            Dialect dialect = database.server().dialect();
            dialect.limitSession(connection, statementTimeout);
            connection.setReadOnly(true);
            for (SqlValidation validation : validations) {
                int before = findings.size();
                if (validation instanceof SqlValidation.TablesExist tables) {
                    checkTables(connection, dialect, tables, findings);
                } else if (validation instanceof SqlValidation.MinRows minRows) {
                    checkRows(connection, dialect, minRows, findings, rowCounts);
                } else if (validation instanceof SqlValidation.SqlIsTrue sql) {
                    checkSql(connection, sql, findings);
                }
                if (findings.size() == before) {
                    passed++;
                }
            }
        } catch (SQLException e) {
            findings.add(Finding.error(database.name(), "could not validate the restored database: "
                    + message(e)));
        }
        return new Result(findings, rowCounts, passed);
    }

    private void checkTables(Connection connection, Dialect dialect, SqlValidation.TablesExist validation,
            List<Finding> findings) throws SQLException {
        for (String table : validation.tables()) {
            if (dialect.resolveTable(connection, table).isEmpty()) {
                findings.add(Finding.fail("table " + table, "table '" + table
                        + "' does not exist in the restored database"));
            }
        }
    }

    private void checkRows(Connection connection, Dialect dialect, SqlValidation.MinRows validation,
            List<Finding> findings, Map<String, Long> rowCounts) throws SQLException {
        for (Map.Entry<String, Long> minimum : new TreeMap<>(validation.minimums()).entrySet()) {
            String table = minimum.getKey();
            Optional<String> resolved = dialect.resolveTable(connection, table);
            if (resolved.isEmpty()) {
                findings.add(Finding.fail("table " + table, "minRows: table '" + table
                        + "' does not exist in the restored database"));
                continue;
            }
            String sql = "SELECT count(*) FROM " + resolved.get();
            Optional<Long> count = query(connection, sql, "minRows " + table, findings)
                    .map(value -> ((Number) value).longValue());
            if (count.isEmpty()) {
                continue;
            }
            rowCounts.put(table, count.get());
            if (count.get() < minimum.getValue()) {
                findings.add(Finding.fail("table " + table, "table '" + table + "' has " + count.get()
                        + " rows, fewer than the " + minimum.getValue() + " required (minRows)"));
            }
        }
    }

    private void checkSql(Connection connection, SqlValidation.SqlIsTrue validation, List<Finding> findings)
            throws SQLException {
        String item = "sql: " + validation.sql();
        query(connection, validation.sql(), item, findings).ifPresent(value -> {
            if (!isTrue(value)) {
                findings.add(Finding.fail(item, "returned " + value + ", not true"));
            }
        });
    }

    /** A query's single value; a problem (no row, several, an SQL error, the time limit) becomes a finding. */
    private Optional<Object> query(Connection connection, String sql, String item, List<Finding> findings)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // the server's own limit is set for the session; this one also covers a server that ignores it
            statement.setQueryTimeout((int) Math.max(1, (statementTimeout.toMillis() + 999) / 1000));
            statement.setMaxRows(2);
            if (!statement.execute(sql)) {
                findings.add(Finding.fail(item, "returned no result set; a validation query returns one value"));
                return Optional.empty();
            }
            try (ResultSet result = statement.getResultSet()) {
                if (!result.next()) {
                    findings.add(Finding.fail(item, "returned no row; a validation query returns one value"));
                    return Optional.empty();
                }
                Object value = result.getObject(1);
                if (result.next()) {
                    findings.add(Finding.fail(item, "returned more than one row; a validation query returns one "
                            + "value"));
                    return Optional.empty();
                }
                if (value == null) {
                    findings.add(Finding.fail(item, "returned NULL, not true"));
                    return Optional.empty();
                }
                return Optional.of(value);
            }
        } catch (SQLException e) {
            if (isTimeout(e)) {
                findings.add(Finding.error(item, "did not finish within the statement timeout of "
                        + io.backupverify.engine.plan.DurationValue.format(statementTimeout)));
                return Optional.empty();
            }
            if (connection.isClosed() || !connection.isValid(5)) {
                throw e;
            }
            findings.add(Finding.fail(item, "failed: " + message(e)));
            return Optional.empty();
        }
    }

    private static boolean isTrue(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Number number) {
            return number.longValue() == 1 && number.doubleValue() == 1.0;
        }
        return false;
    }

    private static boolean isTimeout(SQLException e) {
        return e instanceof SQLTimeoutException || "57014".equals(e.getSQLState()) || e.getErrorCode() == 1969
                || "70100".equals(e.getSQLState());
    }

    static String message(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
