package io.backupverify.engine.plan;

import java.util.TreeSet;

/** The restore kinds a plan may name, for messages about a missing or unknown kind. */
final class RestoreKindNames {
    private RestoreKindNames() {
    }

    static String known() {
        return String.join(", ", new TreeSet<>(PlanBinder.RESTORE_KINDS.keySet()));
    }

    static String describeProblem(String kind) {
        return kind == null ? "missing key 'kind' (how to restore: " + known() + ")"
                : "unknown restore kind '" + kind + "'; known kinds: " + known();
    }
}
