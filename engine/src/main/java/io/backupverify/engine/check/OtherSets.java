package io.backupverify.engine.check;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupCatalog;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.target.Target;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Opens other backup sets of the same plan, for checks that compare sets (the copies check). */
@FunctionalInterface
public interface OtherSets {
    /** No other set can be opened. */
    OtherSets NONE = name -> {
        throw new IOException("other backup sets cannot be opened here");
    };

    /**
     * Opens the named set and finds its backups. Fails with an {@link IOException} naming the problem when the set
     * is unknown or its target cannot be opened or listed.
     */
    OpenedSet open(String name) throws IOException;

    /** A set of the plan, opened: close it when done. */
    record OpenedSet(BackupSetSpec spec, Target target, BackupCatalog catalog, List<Backup> backups)
            implements Closeable {
        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
