package io.backupverify.engine.restore;

import io.backupverify.engine.credentials.CredentialResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the restore tests of one run share: the kinds, where scratch folders go, what was found left over from
 * earlier runs and removed at the start, the plan's folder (validation commands run there), credentials, and the set-up
 * begun early for a set, and per set the backup its previous test could not restore, to restore again.
 */
record RestoreSession(RestoreKinds kinds, ScratchArea scratch, List<String> staleRemoved, Path planFolder,
        CredentialResolver credentials, Preparations preparations, Map<String, String> again) {
    RestoreSession {
        staleRemoved = List.copyOf(staleRemoved);
        again = Map.copyOf(again);
    }
}
