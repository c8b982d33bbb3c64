package io.backupverify.engine.restore.database;

import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.restore.RestorePreparation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link DatabaseRestoreSession} opened on a thread of its own from the start of the run: the server reached (or
 * started), stale scratch databases removed and the scratch database created while the target is listed and the dump
 * found. The restore waits for it; a test that ends before its restore discards it, and the database is dropped.
 */
final class PreparedSession implements RestorePreparation {
    /** How long a discard waits for a set-up still under way before it leaves the undoing to that set-up's end. */
    private static final Duration DISCARD_WAIT = Duration.ofSeconds(60);

    private final long started = System.nanoTime();
    /** When the session was opened or failed to be, by {@link System#nanoTime()}; while under way, none. */
    private volatile Long ended;
    private final CompletableFuture<DatabaseRestoreSession> session = new CompletableFuture<>();
    private final String server;

    private PreparedSession(String server) {
        this.server = server;
    }

    /** Begins opening the session as {@link DatabaseRestoreSession#open} does, now. */
    static PreparedSession begin(DatabaseRestoreOptions options, CredentialResolver credentials, Path scratchParent) {
        PreparedSession prepared = new PreparedSession(options.url() == null ? "the embedded database server"
                : "the database server");
        Thread thread = new Thread(() -> {
            try {
                DatabaseRestoreSession opened = DatabaseRestoreSession.open(options, credentials, scratchParent,
                        Instant.now());
                prepared.ended = System.nanoTime();
                prepared.session.complete(opened);
            } catch (Throwable e) {
                prepared.ended = System.nanoTime();
                prepared.session.completeExceptionally(e);
            }
        }, "scratch-database");
        thread.setDaemon(true);
        thread.start();
        return prepared;
    }

    @Override
    public long nanosUnderWayBy(long nanos) {
        Long end = ended;
        return Math.max(0, (end != null && end - nanos < 0 ? end : nanos) - started);
    }

    /** Waits for the session; throws what opening it threw. */
    DatabaseRestoreSession await() throws DatabaseRestoreSession.SetupException, InterruptedException {
        try {
            return session.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DatabaseRestoreSession.SetupException setup) {
                throw setup;
            }
            if (cause instanceof InterruptedException) {
                throw new DatabaseRestoreSession.SetupException("setting up the scratch database was interrupted");
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public List<String> discard() throws InterruptedException {
        // runs on the set-up's own thread when it has not ended yet, so the database is dropped whenever it ends
        CompletableFuture<List<String>> undone = session.handle((opened, failed) -> opened == null ? List.of()
                : opened.cleanUp());
        try {
            return undone.get(DISCARD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return List.of("the scratch database being set up on " + server + " did not answer within "
                    + DISCARD_WAIT.toSeconds() + " s; it is dropped when its set-up ends, at the latest when this "
                    + "process exits");
        } catch (ExecutionException e) {
            return List.of("could not undo the scratch database set up on " + server + ": " + e.getCause());
        }
    }
}
