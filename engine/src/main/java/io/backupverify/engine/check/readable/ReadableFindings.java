package io.backupverify.engine.check.readable;

import io.backupverify.engine.check.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the readers found, safe to add to from several threads. Every outcome is counted; only the first
 * {@link #LISTED} broken or unreadable files are kept as findings, and {@link #NAMED_UNKNOWN} unknown ones by
 * name, so memory stays small however many files there are.
 */
final class ReadableFindings {
    static final int LISTED = 200;
    static final int NAMED_UNKNOWN = 20;

    private final Map<ReadOutcome.Result, Long> counts = new EnumMap<>(ReadOutcome.Result.class);
    private final Map<String, Long> formats = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();
    private final List<Finding> warnings = new ArrayList<>();
    private long warned;
    private long bytes;

    synchronized void add(ReadOutcome outcome) {
        counts.merge(outcome.result(), 1L, Long::sum);
        bytes += outcome.bytes();
        switch (outcome.result()) {
            case READ -> {
                formats.merge(outcome.formats(), 1L, Long::sum);
                if (!outcome.warning().isEmpty()) {
                    warned++;
                    if (warnings.size() < LISTED) {
                        warnings.add(Finding.warn(outcome.path(), outcome.warning()));
                    }
                }
            }
            case UNKNOWN -> {
                if (unknown.size() < NAMED_UNKNOWN) {
                    unknown.add(outcome.path() + " (" + outcome.description() + ")");
                }
            }
            case BROKEN -> keep(Finding.fail(outcome.path(), outcome.description()));
            case UNREADABLE -> keep(Finding.error(outcome.path(), outcome.description() + " (at byte "
                    + outcome.offset() + ")"));
        }
    }

    private void keep(Finding finding) {
        if (findings.size() < LISTED) {
            findings.add(finding);
        }
    }

    synchronized long count(ReadOutcome.Result result) {
        return counts.getOrDefault(result, 0L);
    }

    /** Files read whole with a warning. */
    synchronized long warned() {
        return warned;
    }

    synchronized long settled() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized Map<String, Long> formats() {
        return new TreeMap<>(formats);
    }

    synchronized List<String> unknown() {
        List<String> sorted = new ArrayList<>(unknown);
        sorted.sort(null);
        return sorted;
    }

    /** Findings, worst first and by file; a line for those not listed. */
    synchronized List<Finding> findings() {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(warnings);
        all.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::item));
        long more = count(ReadOutcome.Result.BROKEN) + count(ReadOutcome.Result.UNREADABLE) - findings.size();
        if (more > 0) {
            all.add(Finding.fail("(more)", more + " more broken or unreadable files not listed here"));
        }
        if (warned > warnings.size()) {
            all.add(Finding.warn("(more)", (warned - warnings.size()) + " more files with a warning not listed here"));
        }
        return all;
    }
}
