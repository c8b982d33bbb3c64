package io.backupverify.engine.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Inventory gaps: every system the plan's {@code inventory} lists must have a backup set that had a successful run
 * in the period. Sets outside the inventory that were not verified at all are warned about too.
 */
final class InventoryReview {
    private final Period period;
    private final Map<String, SetSuccess> success;
    private final FindingList findings;

    InventoryReview(Period period, List<SetSuccess> success, FindingList findings) {
        this.period = period;
        this.success = success.stream().collect(Collectors.toMap(SetSuccess::set, Function.identity(), (a, b) -> a));
        this.findings = findings;
    }

    List<InventoryItem> review() {
        List<InventoryItem> items = new ArrayList<>();
        List<String> sets = period.setNames();
        for (String system : period.spec().inventory()) {
            boolean hasSet = sets.contains(system);
            SetSuccess runs = success.get(system);
            InventoryItem item = new InventoryItem(system, hasSet, runs == null ? 0 : runs.runs(),
                    runs == null ? 0 : runs.successes());
            items.add(item);
            if (!hasSet) {
                findings.add(Severity.CRITICAL, "inventory", system, "The critical system " + system
                        + " has no backup set in the plan", List.of("plan sets: " + String.join(", ", sets)),
                        "Make sure " + system + " is backed up (for a third-party service, export its data on a "
                                + "schedule), then add a backup set named " + system + " to the plan.");
            } else if (item.successfulRuns() == 0) {
                findings.add(Severity.CRITICAL, "inventory", system, "The critical system " + system
                        + " had no successful verification in the period", List.of(item.runs()
                                + " verify runs of " + system + " in the period, none PASS or WARN"),
                        "Get " + system + "'s backups verified again: fix what fails (see its findings) and make "
                                + "sure its verification is scheduled and recorded.");
            }
        }
        for (String set : sets) {
            SetSuccess runs = success.get(set);
            if (!period.spec().inventory().contains(set) && (runs == null || runs.runs() == 0)) {
                findings.add(Severity.WARNING, "inventory", set, set + " was not verified at all in the period",
                        List.of("0 verify runs of " + set + " recorded"), "Include " + set + " in the scheduled, "
                                + "recorded verification, or remove it from the plan if it is retired.");
            }
        }
        return items;
    }
}
