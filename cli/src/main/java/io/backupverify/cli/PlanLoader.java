package io.backupverify.cli;

import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Loads a plan and checks the set names asked for on the command line. */
final class PlanLoader {
    private PlanLoader() {
    }

    static Plan load(Path file, List<String> sets) throws UsageException {
        Plan plan;
        try {
            plan = new PlanParser().parse(file);
        } catch (PlanException e) {
            throw new UsageException(e.getMessage());
        }
        for (String name : sets) {
            if (plan.backupSet(name).isEmpty()) {
                throw new UsageException(file + ": no backup set named '" + name + "'; the plan has: "
                        + plan.backupSets().stream().map(set -> set.name()).collect(Collectors.joining(", ")));
            }
        }
        return plan;
    }
}
