package io.backupverify.engine.credentials;

import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.Plan;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The credential ids a plan (or a selection of its sets) needs, so a caller resolves those and no others. */
public final class PlanCredentials {
    private PlanCredentials() {
    }

    /**
     * The ids, in plan order, without duplicates.
     *
     * @param sets the names of the sets that will run; empty for all
     */
    public static Set<String> idsNeeded(Plan plan, List<String> sets) {
        Set<String> ids = new LinkedHashSet<>();
        for (BackupSetSpec set : plan.backupSets()) {
            if (sets.isEmpty() || sets.contains(set.name())) {
                ids.addAll(set.target().credentialIds());
                String restoreId = set.restoreTest() == null || set.restoreTest().restore() == null ? null
                        : set.restoreTest().restore().credentialsId();
                if (restoreId != null && !restoreId.isBlank()) {
                    ids.add(restoreId.trim());
                }
            }
        }
        return ids;
    }
}
