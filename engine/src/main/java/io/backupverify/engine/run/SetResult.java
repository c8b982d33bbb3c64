package io.backupverify.engine.run;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict for one backup set: the worst of its checks.
 *
 * @param latestBackup the newest backup, or null when none was found
 * @param backupCount  how many backups were found on the target
 */
public record SetResult(String name, String target, LatestBackup latestBackup, int backupCount,
        List<CheckResult> checks) {
    public SetResult {
        checks = List.copyOf(checks);
    }

    public Status status() {
        List<Status> statuses = new ArrayList<>(checks.size());
        for (CheckResult check : checks) {
            statuses.add(check.status());
        }
        return Status.worstOf(statuses, Status.ERROR);
    }
}
