package io.backupverify.engine.plan;

import java.util.Set;

/** Checks the keys of a database restore ({@code kind: postgres} or {@code kind: mysql}). */
final class DatabaseRestoreValidator {
    private static final Set<String> POSTGRES_FORMATS = Set.of("auto", "custom", "directory", "tar", "plain");

    private DatabaseRestoreValidator() {
    }

    static void validate(PlanValidator plan, String at, DatabaseRestoreSpec spec) throws PlanException {
        boolean postgres = spec instanceof PostgresRestoreSpec;
        if (postgres && !POSTGRES_FORMATS.contains(spec.format())) {
            throw plan.problem(at + ".format", "unknown format '" + spec.format()
                    + "'; one of auto, custom, directory, tar, plain (auto tells them by content)");
        }
        if (spec.jobs() < 1 || spec.jobs() > 64) {
            throw plan.problem(at + ".jobs", "jobs is a whole number from 1 to 64");
        }
        if (spec.statementTimeout() != null && spec.statementTimeout().duration().isZero()) {
            throw plan.problem(at + ".statementTimeout", "statementTimeout must be more than 0");
        }
        if (spec.file() != null && spec.file().isBlank()) {
            throw plan.problem(at + ".file", "empty file pattern; name the dump, such as \"*.dump\"");
        }
        DatabaseServerSpec database = spec.database();
        String where = at + ".database";
        if (database.url() == null) {
            if (Boolean.FALSE.equals(database.embedded())) {
                throw plan.problem(where, "embedded: false needs url and credentialsId, the server to restore into");
            }
            if (database.credentialsId() != null) {
                throw plan.problem(where + ".credentialsId", "credentialsId is for a server named by url; the "
                        + "embedded server needs none");
            }
            return;
        }
        if (Boolean.TRUE.equals(database.embedded())) {
            throw plan.problem(where, "give either embedded: true or url, not both");
        }
        String scheme = postgres ? "postgresql" : "mariadb";
        JdbcUrl url = JdbcUrl.parse(database.url()).orElseThrow(() ->
                plan.problem(where + ".url", "not " + JdbcUrl.expectedForm(scheme)));
        if (url.isPostgres() != postgres) {
            throw plan.problem(where + ".url", "a " + spec.kind() + " restore needs " + JdbcUrl.expectedForm(scheme));
        }
        if (database.credentialsId() == null || database.credentialsId().isBlank()) {
            throw plan.problem(where + ".credentialsId", "a server named by url needs credentialsId (a user name "
                    + "and password allowed to create and drop databases)");
        }
    }
}
