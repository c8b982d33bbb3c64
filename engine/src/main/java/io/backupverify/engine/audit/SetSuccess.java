package io.backupverify.engine.audit;

/**
 * How one backup set (or all of them together) fared in the verify runs of the period. A run counts as successful
 * when the set's verdict was PASS or WARN; FAIL and ERROR count against it.
 */
public record SetSuccess(String set, int runs, int passed, int warned, int failed, int errors) {
    public int successes() {
        return passed + warned;
    }

    /** Successful runs as a share of all runs, 0–100; 0 without runs. */
    public double ratePercent() {
        return runs == 0 ? 0 : 100.0 * successes() / runs;
    }

    /** WARN runs as a share of all runs, 0–100. */
    public double warnSharePercent() {
        return runs == 0 ? 0 : 100.0 * warned / runs;
    }

    SetSuccess plus(SetSuccess other, String name) {
        return new SetSuccess(name, runs + other.runs, passed + other.passed, warned + other.warned,
                failed + other.failed, errors + other.errors);
    }
}
