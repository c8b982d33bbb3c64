package io.backupverify.engine.plan;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A verification plan: the backup sets to verify and how.
 *
 * @param source    where the plan came from, for messages (a file name or {@code <text>})
 * @param baseDir   the folder that relative local paths are resolved against
 * @param timezone  the zone for backup names without an offset and for calendar rules (UTC by default)
 */
public record Plan(String source, Path baseDir, ZoneId timezone, List<BackupSetSpec> backupSets) {
    public Plan {
        backupSets = List.copyOf(backupSets);
    }

    public Optional<BackupSetSpec> backupSet(String name) {
        return backupSets.stream().filter(set -> set.name().equals(name)).findFirst();
    }
}
