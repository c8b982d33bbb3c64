package io.backupverify.engine.restore.database;

import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PostgresRestoreSpec;
import java.util.Collection;
import java.util.List;

/**
 * Whether this installation carries the embedded PostgreSQL that {@code kind: postgres} restores into by default. The
 * command line does; the Jenkins plugin leaves it out (its server binaries are a large, platform-specific bundle), so
 * there a plan must name a server. Asking here, by class name, never loads the library itself.
 */
public final class EmbeddedPostgresSupport {
    static final String LIBRARY_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
    static final String BINARIES_RESOURCE = "postgres-linux-x86_64.txz";

    /** Why a restore into the embedded server cannot run here, and what to do instead. */
    public static final String UNAVAILABLE = "the embedded PostgreSQL is not part of this installation (the Jenkins "
            + "plugin does not bundle its server binaries); name a server to restore into: database: { url: "
            + "\"jdbc:postgresql://HOST:5432/postgres\", credentialsId: ID } (a user allowed to create and drop "
            + "databases), or run the restore test with the command line";

    private EmbeddedPostgresSupport() {
    }

    /** Whether the embedded PostgreSQL library and its Linux x86-64 server binaries can be loaded. */
    public static boolean available() {
        return available(EmbeddedPostgresSupport.class.getClassLoader());
    }

    static boolean available(ClassLoader loader) {
        try {
            Class.forName(LIBRARY_CLASS, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return loader.getResource(BINARIES_RESOURCE) != null;
    }

    /**
     * Refuses a plan whose selected sets restore into the embedded PostgreSQL when this installation has none, so the
     * mistake is reported before anything runs, naming the set.
     *
     * @param sets the selected set names; empty for all
     * @throws PlanException naming the first set that needs the embedded server
     */
    public static void requireAvailableFor(Plan plan, Collection<String> sets) throws PlanException {
        requireAvailableFor(plan, sets, available());
    }

    static void requireAvailableFor(Plan plan, Collection<String> sets, boolean available) throws PlanException {
        if (available) {
            return;
        }
        List<BackupSetSpec> all = plan.backupSets();
        for (int i = 0; i < all.size(); i++) {
            BackupSetSpec set = all.get(i);
            if ((sets.isEmpty() || sets.contains(set.name())) && needsEmbedded(set)) {
                throw new PlanException(plan.source(), 0, 0,
                        "backupSets[" + i + "].restoreTest.restore.database", "set '" + set.name() + "': "
                        + UNAVAILABLE);
            }
        }
    }

    private static boolean needsEmbedded(BackupSetSpec set) {
        return set.restoreTest() != null && set.restoreTest().restore() instanceof PostgresRestoreSpec postgres
                && postgres.database().isEmbedded();
    }
}
