package io.backupverify.engine.check;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupCatalog;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.ChecksSpec;
import io.backupverify.engine.plan.FreshnessSpec;
import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.plan.LayoutSpec;
import io.backupverify.engine.plan.LocalTargetSpec;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Check contexts for tests: a set on a target, with backups given or discovered. */
public final class TestContexts {
    private TestContexts() {
    }

    public static BackupSetSpec set(LayoutSpec layout) {
        return new BackupSetSpec("test", new LocalTargetSpec("."), layout,
                new ChecksSpec(new FreshnessSpec(DurationValue.parse("1d")), null, null, null, null, null, null, null, null,
                        null));
    }

    /** A context over the given backups (oldest first); contents are read from the target when asked. */
    public static CheckContext of(Target target, LayoutSpec layout, List<Backup> backups, Instant now, ZoneId zone) {
        return new CheckContext(set(layout), target, new BackupCatalog(target, layout, zone), backups, now, zone, 1,
                1, Progress.NONE);
    }

    /** A context over the backups the catalog finds on the target. */
    public static CheckContext discovered(Target target, LayoutSpec layout, Instant now, ZoneId zone)
            throws IOException {
        BackupCatalog catalog = new BackupCatalog(target, layout, zone);
        return new CheckContext(set(layout), target, catalog, catalog.find().at(now), zone, 1, 1, Progress.NONE);
    }

    /** A folder backup taken at a time, dated by its name. */
    public static Backup backup(String id, Instant time) {
        return new Backup(id, id, time, "name", true, 0);
    }
}
