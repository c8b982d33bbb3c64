package io.backupverify.engine.check.integrity;

import java.util.function.BiFunction;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The problems integrity found, safe to add to from several threads. Every problem is counted; only the first
 * {@link #LISTED_PER_KIND} of each kind are kept as findings, so memory stays small however many files are bad.
 */
final class Findings {
    static final int LISTED_PER_KIND = 200;

    private final Map<Problem, List<Finding>> listed = new EnumMap<>(Problem.class);
    private final Map<Problem, Long> counts = new EnumMap<>(Problem.class);
    private final BiFunction<Problem, String, String> advisor;

    Findings() {
        this((problem, item) -> null);
    }

    /** @param advisor the advice for a problem with an item, or null for none */
    Findings(BiFunction<Problem, String, String> advisor) {
        this.advisor = advisor;
    }

    synchronized void add(Problem problem, String item, String message) {
        counts.merge(problem, 1L, Long::sum);
        List<Finding> kept = listed.computeIfAbsent(problem, key -> new ArrayList<>());
        if (kept.size() < LISTED_PER_KIND) {
            kept.add(new Finding(item, message, problem.severity(), advice(problem, item)));
        }
    }

    /** Counts more problems of a kind that are not listed (beyond those an earlier pass kept). */
    synchronized void addUnlisted(Problem problem, long more) {
        if (more > 0) {
            counts.merge(problem, more, Long::sum);
        }
    }

    private String advice(Problem problem, String item) {
        return problem.severity() == Status.FAIL || problem.severity() == Status.ERROR
                ? advisor.apply(problem, item) : null;
    }

    synchronized long count(Problem problem) {
        return counts.getOrDefault(problem, 0L);
    }

    /** How many problems were found; notes, which are not problems, do not count. */
    synchronized long total() {
        return counts.entrySet().stream().filter(e -> e.getKey().severity() != Status.PASS)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The findings, worst kinds first and by item within a kind, with a line for those not listed. */
    synchronized List<Finding> toFindings() {
        List<Finding> all = new ArrayList<>();
        listed.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Problem, List<Finding>> e) -> e.getKey().severity())
                        .reversed().thenComparing(Map.Entry::getKey))
                .forEach(entry -> {
                    List<Finding> kept = new ArrayList<>(entry.getValue());
                    kept.sort(Comparator.comparing(Finding::item));
                    all.addAll(kept);
                    long more = count(entry.getKey()) - kept.size();
                    if (more > 0) {
                        all.add(new Finding("(more)", more + " more " + entry.getKey().plural()
                                + " not listed here", entry.getKey().severity(), advice(entry.getKey(), "(more)")));
                    }
                });
        return all;
    }
}
