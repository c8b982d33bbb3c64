package io.backupverify.engine.outcome;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.summary.StatusCounts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value a Pipeline step hands back to its script, built only from maps, strings and integers so a sandboxed
 * script can read it and the Pipeline can save it with the program ({@code r.status}, {@code r.checks.FAIL}, {@code r.sets['orders-db']}).
 *
 * <p>Keys: {@code status} (PASS/WARN/FAIL/ERROR), {@code outcome} (SUCCESS/UNSTABLE/FAILURE), {@code exitCode}
 * (0–3 as the command line), {@code checks} and {@code setCounts} (count per status, every status present), and
 * {@code sets} (set name to its status, in plan order).
 */
public final class StepReturnValue {
    private StepReturnValue() {
    }

    public static Map<String, Object> of(RunResult run, OutcomePolicy policy) {
        Status status = run.status();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("status", status.name());
        value.put("outcome", policy.outcomeOf(status).name());
        value.put("exitCode", status.exitCode());
        value.put("checks", StatusCounts.byName(run.checkCounts()));
        value.put("setCounts", StatusCounts.byName(run.setCounts()));
        Map<String, Object> sets = new LinkedHashMap<>();
        for (SetResult set : run.sets()) {
            sets.put(set.name(), set.status().name());
        }
        value.put("sets", sets);
        return value;
    }
}
