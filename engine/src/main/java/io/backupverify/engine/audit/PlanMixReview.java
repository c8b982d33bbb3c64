package io.backupverify.engine.audit;

import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.SetRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the runs counted for a set all looked at the same backups. Runs belong to the plan by its file name, so
 * that a plan run from another folder still counts; but two different plans of that name recording into one
 * history folder (prod/plan.yaml and staging/plan.yaml) would lend each other their runs of a set of the same
 * name, and the other plan's passing runs could hide that this one's stopped or fail. Such runs name different
 * targets for the set and come from different plan paths.
 */
final class PlanMixReview implements RunReview {
    private final Period period;
    private final FindingList findings;
    /** Per set: per target, the plan paths that recorded it and how many runs each. */
    private final Map<String, Map<String, Map<String, Integer>>> seen = new LinkedHashMap<>();

    PlanMixReview(Period period, FindingList findings) {
        this.period = period;
        this.findings = findings;
    }

    @Override
    public void verify(RunRecord run) {
        note(run);
    }

    @Override
    public void restore(RunRecord run) {
        note(run);
    }

    private void note(RunRecord run) {
        for (SetRecord set : run.sets()) {
            if (set.target() == null || set.target().isBlank()) {
                continue; // a run that could not start names no target
            }
            seen.computeIfAbsent(set.name(), name -> new LinkedHashMap<>())
                    .computeIfAbsent(set.target(), target -> new LinkedHashMap<>())
                    .merge(run.plan(), 1, Integer::sum);
        }
    }

    /** Adds a finding for each set of the plan whose runs came from different plans at different targets. */
    void review() {
        for (String set : period.setNames()) {
            Map<String, Map<String, Integer>> targets = seen.get(set);
            if (targets == null || targets.size() < 2) {
                continue;
            }
            Set<String> plans = new LinkedHashSet<>();
            targets.values().forEach(byPlan -> plans.addAll(byPlan.keySet()));
            if (plans.size() < 2) {
                continue; // one plan whose set moved to another target
            }
            List<String> evidence = new ArrayList<>();
            targets.forEach((target, byPlan) -> byPlan.forEach((plan, runs) -> evidence.add(runs + " run"
                    + (runs == 1 ? "" : "s") + " of " + set + " at " + target + " recorded by " + plan)));
            findings.add(Severity.WARNING, "history", "audit", set, "Runs of " + set + " were recorded by "
                    + plans.size() + " plans of the same file name with different targets; the audit counts them "
                    + "all, so another plan's runs may stand in for this one's", evidence,
                    "Give each plan its own --history folder (or a file name of its own), then audit again; until "
                            + "then this set's success rate and cadence mix the runs of other backups.");
        }
    }
}
