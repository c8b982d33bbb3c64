package io.backupverify.engine.summary;

import io.backupverify.engine.check.Status;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts per status keyed by status name, every status present, PASS first: the form pages and scripts read. */
public final class StatusCounts {
    private StatusCounts() {
    }

    public static Map<String, Integer> byName(Map<Status, Integer> counts) {
        Map<String, Integer> named = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            named.put(status.name(), counts.getOrDefault(status, 0));
        }
        return named;
    }
}
