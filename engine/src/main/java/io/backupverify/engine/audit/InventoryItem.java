package io.backupverify.engine.audit;

/**
 * A system the plan's inventory says must be backed up.
 *
 * @param hasSet         whether the plan has a backup set of that name
 * @param runs           verify runs of that set in the period
 * @param successfulRuns those with a PASS or WARN verdict for it
 */
public record InventoryItem(String system, boolean hasSet, int runs, int successfulRuns) {
    public boolean covered() {
        return hasSet && successfulRuns > 0;
    }
}
