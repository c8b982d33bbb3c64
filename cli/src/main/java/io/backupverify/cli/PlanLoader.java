package io.backupverify.cli;

import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
import java.nio.file.Path;
import java.util.List;

/** Loads a plan and checks the set names asked for on the command line. */
final class PlanLoader {
    private PlanLoader() {
    }

    static Plan load(Path file, List<String> sets) throws UsageException {
        try {
            Plan plan = new PlanParser().parse(file);
            plan.requireSets(sets);
            return plan;
        } catch (PlanException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
