package io.backupverify.engine.check.access;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names the first few items of each kind of problem and counts the rest in one more finding, so that a backup of
 * 100,000 files with the same wrong mode gives a readable report.
 */
final class LimitedFindings {
    static final int NAMED_PER_PROBLEM = 20;

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Status> severities = new LinkedHashMap<>();

    void add(CheckResult.Builder result, String problem, Status severity, String item, String message) {
        int count = counts.merge(problem, 1, Integer::sum);
        severities.put(problem, severity);
        if (count <= NAMED_PER_PROBLEM) {
            result.finding(new Finding(item, message, severity));
        }
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    void finish(CheckResult.Builder result) {
        counts.forEach((problem, count) -> {
            if (count > NAMED_PER_PROBLEM) {
                result.finding(new Finding("(" + (count - NAMED_PER_PROBLEM) + " more)", (count - NAMED_PER_PROBLEM)
                        + " more " + problem + " not named here", severities.get(problem)));
            }
        });
    }
}
