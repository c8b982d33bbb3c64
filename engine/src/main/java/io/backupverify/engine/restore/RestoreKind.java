package io.backupverify.engine.restore;

import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.plan.RestoreSpec;
import io.backupverify.engine.plan.ValidationSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One way of restoring a backup: copying its files, extracting its archives, loading a database dump. A kind
 * restores into the job's scratch folder (or a scratch database it creates and registers for cleanup with
 * {@link RestoreJob#onCleanup}), reading the backup only through {@link RestoreJob#open} so that fetch time and
 * bytes are measured and every target type works.
 *
 * @param <S> the plan spec of this kind
 */
public interface RestoreKind<S extends RestoreSpec> {
    /** The plan's name of the kind, as in {@code restore: { kind: archive }}. */
    String name();

    /** The plan spec this kind restores. */
    Class<S> specType();

    /**
     * Restores the job's backup.
     *
     * @throws RestoreRefusedException when the backup holds something that must not be restored (an entry that
     *                                 would escape the scratch folder, a decompression bomb): a FAIL naming it
     * @throws IOException             when the restore could not be carried out: an ERROR
     */
    Restored restore(S spec, RestoreJob job) throws IOException, InterruptedException;

    /**
     * Begins in the background the set-up a restore of {@code spec} needs whichever backup is picked (a scratch
     * database on its server), so that it overlaps the listing of the target; the restore takes it over through
     * {@link RestoreJob#preparation}. Empty when the kind has nothing to begin early.
     *
     * @param scratchRoot the folder scratch folders are made in
     */
    default Optional<RestorePreparation> prepare(S spec, Path scratchRoot, CredentialResolver credentials) {
        return Optional.empty();
    }

    /**
     * The validation for a key only this kind understands (for databases: tables, minRows, sql), or empty for the
     * common ones (checksums, required, command).
     */
    default Optional<Validation> validation(S spec, ValidationSpec validation) {
        return Optional.empty();
    }

    /**
     * Removes what runs of this kind killed before their cleanup left behind (scratch databases, say), when older
     * than {@code olderThan}; says what was removed, one line each.
     *
     * @param scratchRoot the folder scratch folders are made in
     */
    default List<String> removeStale(Path scratchRoot, Instant olderThan) {
        return List.of();
    }
}
