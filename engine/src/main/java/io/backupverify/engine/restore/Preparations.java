package io.backupverify.engine.restore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The set-up begun early for the restore tests of a run, by set name, until each test takes its own. */
final class Preparations {
    private final Map<String, RestorePreparation> pending = new LinkedHashMap<>();

    synchronized void put(String set, RestorePreparation preparation) {
        pending.put(set, preparation);
    }

    /** The set's preparation, handed over once: a later call gets a handoff with none. */
    synchronized PreparationHandoff take(String set) {
        return new PreparationHandoff(pending.remove(set));
    }

    /** Discards those no test took (a set whose target could not be listed, say); says what was removed. */
    List<String> discardUntaken() throws InterruptedException {
        List<RestorePreparation> left;
        synchronized (this) {
            left = new ArrayList<>(pending.values());
            pending.clear();
        }
        List<String> said = new ArrayList<>();
        for (RestorePreparation preparation : left) {
            said.addAll(preparation.discard());
        }
        return said;
    }
}
