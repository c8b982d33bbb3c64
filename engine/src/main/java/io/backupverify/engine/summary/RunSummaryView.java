package io.backupverify.engine.summary;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.RunResult;
import java.util.List;
import java.util.Map;

/**
 * A run as the build pages show it: the verdict, the verdict per set, the checks that did not pass with their
 * findings, and the counts. Getters follow bean naming so page templates can read them.
 */
public final class RunSummaryView {
    private final String plan;
    private final Status status;
    private final String startedAt;
    private final long durationMs;
    private final List<SetView> sets;
    private final Map<String, Integer> setCounts;
    private final Map<String, Integer> checkCounts;

    private RunSummaryView(RunResult run) {
        this.plan = run.plan();
        this.status = run.status();
        this.startedAt = run.startedAt().toString();
        this.durationMs = run.durationMs();
        this.sets = run.sets().stream().map(SetView::new).toList();
        this.setCounts = StatusCounts.byName(run.setCounts());
        this.checkCounts = StatusCounts.byName(run.checkCounts());
    }

    public static RunSummaryView of(RunResult run) {
        return new RunSummaryView(run);
    }

    public String getPlan() {
        return plan;
    }

    public String getStatus() {
        return status.name();
    }

    public boolean isPassed() {
        return status == Status.PASS;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public long getDurationMs() {
        return durationMs;
    }

    public List<SetView> getSets() {
        return sets;
    }

    /** The sets that did not pass, in plan order. */
    public List<SetView> getProblemSets() {
        return sets.stream().filter(set -> !set.isPassed()).toList();
    }

    /** Sets per status name, every status present, PASS first. */
    public Map<String, Integer> getSetCounts() {
        return setCounts;
    }

    /** Checks per status name, every status present, PASS first. */
    public Map<String, Integer> getCheckCounts() {
        return checkCounts;
    }

    /** A one-line verdict such as "FAIL: 1 of 3 sets did not pass (1 FAIL)". */
    public String getHeadline() {
        int total = sets.size();
        if (total == 0) {
            return "ERROR: no backup set was verified";
        }
        int notPassed = total - setCounts.get(Status.PASS.name());
        if (notPassed == 0) {
            return "PASS: all " + total + (total == 1 ? " set" : " sets") + " passed";
        }
        StringBuilder parts = new StringBuilder();
        for (Status bad : List.of(Status.ERROR, Status.FAIL, Status.WARN)) {
            int count = setCounts.get(bad.name());
            if (count > 0) {
                parts.append(parts.isEmpty() ? "" : ", ").append(count).append(' ').append(bad.name());
            }
        }
        return status.name() + ": " + notPassed + " of " + total + (total == 1 ? " set" : " sets")
                + " did not pass (" + parts + ")";
    }
}
