package io.backupverify.engine.check.integrity;

import io.backupverify.engine.checksum.ManifestEntry;
import io.backupverify.engine.target.Entry;
import java.util.List;

/** Picks the checksum a sidecar ({@code <file>.sha256} and the like) holds for the file it sits beside. */
final class Sidecars {
    private Sidecars() {
    }

    /**
     * The entries for the file: every one holding only a digest or naming the file (by its last path segment,
     * since sidecars are often written with a path that no longer applies). All of them are checked, so that a
     * sidecar contradicting itself cannot pass on whichever line comes first. A sidecar with a single entry naming
     * another file is still used, with a warning, because its digest decides anyway.
     *
     * @param entries what the sidecar holds; empty when it was unusable (already reported)
     * @return the entries to check the file against; empty after reporting why there is none
     */
    static List<ManifestEntry> pick(List<ManifestEntry> entries, Entry sidecar, String fileName,
            Findings findings) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<ManifestEntry> named = entries.stream()
                .filter(entry -> entry.name().isEmpty() || BackupPaths.baseName(entry.name()).equals(fileName))
                .toList();
        if (!named.isEmpty()) {
            return named;
        }
        if (entries.size() == 1) {
            findings.add(Problem.NOTICE, sidecar.path(), "sidecar names '" + entries.get(0).name()
                    + "', not '" + fileName + "'; its checksum is used for " + fileName);
            return entries;
        }
        findings.add(Problem.NO_CHECKSUMS, sidecar.path(), "sidecar lists " + entries.size()
                + " files but not " + fileName);
        return List.of();
    }
}
