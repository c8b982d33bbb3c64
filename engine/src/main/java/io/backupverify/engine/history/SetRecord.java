package io.backupverify.engine.history;

import io.backupverify.engine.check.Status;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One backup set in one recorded run.
 *
 * @param latestBackupTime when the newest backup was taken, or null when there was none
 */
public record SetRecord(String name, String target, Status status, Instant latestBackupTime,
        List<CheckRecord> checks) {
    public SetRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        target = target == null ? "" : target;
        checks = List.copyOf(checks);
    }

    public Optional<CheckRecord> check(String id) {
        for (CheckRecord check : checks) {
            if (check.id().equals(id)) {
                return Optional.of(check);
            }
        }
        return Optional.empty();
    }
}
