package io.backupverify.engine.summary;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.restore.RestoreCheck;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How long one set's restore test took in one run, against its RTO.
 *
 * @param set     the backup set's name
 * @param status  the restore test's verdict
 * @param totalMs fetch, restore and validation together; -1 when the restore test stopped before it began
 * @param rtoMs   the RTO; -1 when the plan gives none
 */
public record RestoreTimeFigure(String set, String status, long totalMs, long rtoMs) {
    public RestoreTimeFigure {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(status, "status");
    }

    /** One figure per set that had a restore test in the run, in plan order. */
    public static List<RestoreTimeFigure> of(RunResult run) {
        List<RestoreTimeFigure> figures = new ArrayList<>();
        for (SetResult set : run.sets()) {
            for (CheckResult check : set.checks()) {
                if (check.id().equals(RestoreCheck.ID)) {
                    figures.add(new RestoreTimeFigure(set.name(), check.status().name(),
                            CheckMetrics.wholeNumber(check, "totalMs").orElse(-1),
                            CheckMetrics.wholeNumber(check, "rtoMs").orElse(-1)));
                }
            }
        }
        return figures;
    }

    /** Whether the restore took longer than the RTO. */
    public boolean overRto() {
        return rtoMs >= 0 && totalMs > rtoMs;
    }
}
