package io.backupverify.engine.restore;

import java.util.List;

/**
 * Set-up a restore kind begins in the background as soon as a run starts, before its restore test has listed the
 * backups and picked one: a scratch database being created on its server, say. The test hands it to the kind
 * through {@link RestoreJob#preparation}; one the kind does not take over is discarded, and what it made is undone.
 */
public interface RestorePreparation {
    /**
     * How long it had been under way by {@code nanos} (a {@link System#nanoTime()} reading), not counting any time
     * after it ended: the set-up done before the restore test began, which a restore that takes it over counts as
     * its own time (the listing it overlapped is not counted).
     */
    long nanosUnderWayBy(long nanos);

    /**
     * Waits (a bounded time) for it to end and undoes what it made.
     *
     * @return what was removed, one line each, for the report
     */
    List<String> discard() throws InterruptedException;
}
