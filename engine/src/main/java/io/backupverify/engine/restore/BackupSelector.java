package io.backupverify.engine.restore;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.plan.RestoreSelect;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Picks the backup a restore test restores. */
final class BackupSelector {
    private BackupSelector() {
    }

    /**
     * The chosen backup, or empty when there is none to choose.
     *
     * @param backups   the set's backups, oldest first
     * @param runNumber seeds {@code random-within}, so the same run number picks the same backup again
     * @param again     for {@code random-within}, the backup the previous test could not restore, or null: taken
     *                  again while it is kept
     */
    static Optional<Backup> select(RestoreSelect select, List<Backup> backups, Instant now, long runNumber,
            String setName, String again) {
        if (backups.isEmpty()) {
            return Optional.empty();
        }
        if (select.mode() == RestoreSelect.Mode.RANDOM_WITHIN && again != null) {
            Optional<Backup> failed = backups.stream().filter(backup -> backup.id().equals(again)).findFirst();
            if (failed.isPresent()) {
                return failed;
            }
        }
        return switch (select.mode()) {
            case LATEST -> Optional.of(backups.get(backups.size() - 1));
            case OLDEST_KEPT -> Optional.of(backups.get(0));
            case RANDOM_WITHIN -> {
                Instant from = now.minus(select.within().duration());
                List<Backup> candidates = backups.stream()
                        .filter(backup -> !backup.time().isBefore(from) && !backup.time().isAfter(now)).toList();
                if (candidates.isEmpty()) {
                    yield Optional.empty();
                }
                long seed = runNumber * 0x9E3779B97F4A7C15L ^ setName.hashCode();
                yield Optional.of(candidates.get(new SplittableRandom(seed).nextInt(candidates.size())));
            }
        };
    }
}
