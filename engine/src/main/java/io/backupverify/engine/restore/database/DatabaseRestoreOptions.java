package io.backupverify.engine.restore.database;

import java.time.Duration;
import java.util.Optional;

/**
 * How a database restore test runs: the kind ({@code postgres} or {@code mysql}), the dump's format (empty: found
 * by content), the server (embedded when {@code url} is null, else a named one reached with {@code credentialsId}),
 * parallel jobs for {@code pg_restore}, and the time limit of each validation statement.
 */
public record DatabaseRestoreOptions(boolean postgres, Optional<DumpFormat> format, String file, String url,
        String credentialsId, int jobs, Duration statementTimeout) {
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(5);
}
