package io.backupverify.engine.check.integrity;

import io.backupverify.engine.checksum.ManifestEntry;
import io.backupverify.engine.target.Entry;
import java.util.List;
import java.util.Optional;

/** Picks the checksum a sidecar ({@code <file>.sha256} and the like) holds for the file it sits beside. */
final class Sidecars {
    private Sidecars() {
    }

    /**
     * The entry for the file: one holding only a digest or naming the file (by its last path segment, since
     * sidecars are often written with a path that no longer applies). A sidecar with a single entry naming
     * another file is still used, with a warning, because its digest decides anyway.
     *
     * @param entries what the sidecar holds; empty when it was unusable (already reported)
     */
    static Optional<ManifestEntry> pick(List<ManifestEntry> entries, Entry sidecar, String fileName,
            Findings findings) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Optional<ManifestEntry> named = entries.stream()
                .filter(entry -> entry.name().isEmpty() || BackupPaths.baseName(entry.name()).equals(fileName))
                .findFirst();
        if (named.isPresent()) {
            return named;
        }
        if (entries.size() == 1) {
            findings.add(Problem.NOTICE, sidecar.path(), "sidecar names '" + entries.get(0).name()
                    + "', not '" + fileName + "'; its checksum is used for " + fileName);
            return Optional.of(entries.get(0));
        }
        findings.add(Problem.NO_CHECKSUMS, sidecar.path(), "sidecar lists " + entries.size()
                + " files but not " + fileName);
        return Optional.empty();
    }
}
