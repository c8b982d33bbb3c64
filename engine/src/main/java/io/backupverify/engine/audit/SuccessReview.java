package io.backupverify.engine.audit;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.history.RunRecord;
import io.backupverify.engine.history.SetRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Success rate per set and overall against {@code successRate.min}: a run counts as successful for a set when the
 * set's verdict was PASS or WARN. The WARN share is reported beside it, since WARN counts as success.
 */
final class SuccessReview implements RunReview {
    static final String OVERALL = "(all sets)";

    private final Period period;
    private final FindingList findings;
    /** Per set, runs by verdict (the ordinals of PASS, WARN, FAIL, ERROR). */
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<SetSuccess> perSet = new ArrayList<>();
    private SetSuccess overall;

    SuccessReview(Period period, FindingList findings) {
        this.period = period;
        this.findings = findings;
        period.setNames().forEach(name -> counts.put(name, new int[4]));
    }

    @Override
    public void verify(RunRecord run) {
        if (run.sets().isEmpty() && run.status() == Status.ERROR) {
            // a run that could not start verified none of the sets it was meant to: an ERROR for each
            period.setNames().forEach(name -> counts.computeIfAbsent(name, n -> new int[4])[Status.ERROR.ordinal()]++);
            return;
        }
        for (SetRecord set : run.sets()) {
            counts.computeIfAbsent(set.name(), name -> new int[4])[set.status().ordinal()]++;
        }
    }

    /** Computes the rates and adds the findings; call once, after the runs. */
    void review() {
        SetSuccess total = new SetSuccess(OVERALL, 0, 0, 0, 0, 0);
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int[] c = entry.getValue();
            SetSuccess set = new SetSuccess(entry.getKey(), c[0] + c[1] + c[2] + c[3], c[0], c[1], c[2], c[3]);
            perSet.add(set);
            total = total.plus(set, OVERALL);
        }
        overall = total;
        double min = period.spec().successRate().min().value();
        for (SetSuccess set : perSet) {
            if (set.runs() > 0 && set.ratePercent() < min) {
                findings.add(set.successes() == 0 ? Severity.CRITICAL : Severity.WARNING, "success-rate",
                        set.set(), "Success rate of " + set.set() + " is " + AuditText.percent(set.ratePercent())
                                + ", below the required " + AuditText.percent(min),
                        List.of(describe(set)), "Fix the failing checks of " + set.set() + " (see the recurring "
                                + "failures), then watch the next runs; if a check is wrong for this set, change the "
                                + "plan rather than ignore it.");
            }
        }
        if (overall.runs() > 0 && overall.ratePercent() < min) {
            findings.add(Severity.WARNING, "success-rate", OVERALL, "Overall success rate is "
                    + AuditText.percent(overall.ratePercent()) + ", below the required " + AuditText.percent(min),
                    List.of(describe(overall)), "Work through the sets with the lowest success rates first.");
        }
    }

    static String describe(SetSuccess set) {
        return set.successes() + " of " + set.runs() + " set-runs successful (" + set.passed() + " PASS, "
                + set.warned() + " WARN = " + AuditText.percent(set.warnSharePercent()) + " WARN share; "
                + set.failed() + " FAIL, " + set.errors() + " ERROR)";
    }

    List<SetSuccess> perSet() {
        return perSet;
    }

    SetSuccess overall() {
        return overall;
    }
}
