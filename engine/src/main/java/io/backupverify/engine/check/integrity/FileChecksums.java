package io.backupverify.engine.check.integrity;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.ChecksumFileNames;
import io.backupverify.engine.checksum.ManifestEntry;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checksums of backups that are single files (layout {@code file-per-backup}). With a manifest named in the plan,
 * the checksum comes from that manifest in the target folder; otherwise from a sidecar beside the file
 * ({@code <file>.sha256}, {@code .sha512}, {@code .sha1}, {@code .md5}, first found), else from a SHA256SUMS,
 * SHA512SUMS, SHA1SUMS or MD5SUMS in the target folder. Manifest names are only looked up here, never opened, so a
 * manifest cannot send the check outside the target.
 */
final class FileChecksums {
    private final Target target;
    private final String configuredManifest;
    private final ManifestLoader loader;
    private final Findings findings;
    private final String sampleKey;
    private final Map<String, List<ManifestEntry>> folderManifests = new HashMap<>();

    /**
     * @param sampleKey what decides the sample slice of the newest backup with {@code scope: latest}: the layout's
     *                  name pattern, the same whichever dated file is newest, so that a sample of N% reads the
     *                  newest backup once every ceil(100 / N) runs (its own name, a new one every day, would leave
     *                  it to chance)
     */
    FileChecksums(Target target, String configuredManifest, ManifestLoader loader, Findings findings,
            String sampleKey) {
        this.sampleKey = sampleKey;
        this.target = target;
        this.configuredManifest = configuredManifest;
        this.loader = loader;
        this.findings = findings;
    }

    void collect(BackupIndex index, ReadList reads) {
        Backup backup = index.contents().backup();
        Entry file = index.find(backup.path());
        if (file == null) {
            findings.add(Problem.MISSING, backup.path(), "backup file disappeared while being verified");
            return;
        }
        try {
            List<Found> found;
            Optional<Entry> sidecar = configuredManifest == null ? firstSidecar(backup) : Optional.empty();
            if (configuredManifest != null) {
                found = fromFolderManifest(configuredManifest, backup);
            } else if (sidecar.isPresent()) {
                found = fromSidecar(sidecar.get(), backup);
            } else {
                found = fromDefaultManifests(backup);
            }
            for (Found checksum : found) {
                reads.add(index, file, checksum.entry(), checksum.source(), sampleKey);
            }
        } catch (UncheckedIOException e) {
            findings.add(Problem.BAD_MANIFEST, backup.path(), "cannot look for its checksum: "
                    + IoErrors.describe(e.getCause()));
        }
    }

    private record Found(ManifestEntry entry, String source) {
    }

    private Optional<Entry> firstSidecar(Backup backup) {
        for (String suffix : ChecksumFileNames.SIDECAR_SUFFIXES) {
            Optional<Entry> sidecar = stat(backup.path() + suffix);
            if (sidecar.isPresent()) {
                return sidecar;
            }
        }
        return Optional.empty();
    }

    private List<Found> fromSidecar(Entry sidecar, Backup backup) {
        return Sidecars.pick(loader.load(sidecar, true), sidecar, backup.id(), findings).stream()
                .map(entry -> new Found(entry, sidecar.name())).toList();
    }

    private List<Found> fromDefaultManifests(Backup backup) {
        for (String name : ChecksumFileNames.MANIFEST_NAMES) {
            if (stat(name).isPresent()) {
                return fromFolderManifest(name, backup);
            }
        }
        findings.add(Problem.NO_CHECKSUMS, backup.path(), "no checksum: looked for "
                + String.join(", ", ChecksumFileNames.SIDECAR_SUFFIXES.stream().map(s -> backup.id() + s).toList())
                + " and " + String.join(", ", ChecksumFileNames.MANIFEST_NAMES) + " in the target folder");
        return List.of();
    }

    private List<Found> fromFolderManifest(String manifestPath, Backup backup) {
        List<ManifestEntry> entries = folderManifests.computeIfAbsent(manifestPath, path -> {
            Optional<Entry> manifest = stat(path);
            if (manifest.isEmpty()) {
                return null;
            }
            return loader.load(manifest.get(), false);
        });
        String name = BackupPaths.baseName(manifestPath);
        if (entries == null) {
            findings.add(Problem.NO_CHECKSUMS, backup.path(), "checksum manifest " + manifestPath
                    + " is missing from the target folder");
            return List.of();
        }
        List<ManifestEntry> listed = lookUp(entries, BackupPaths.parent(manifestPath), backup);
        if (listed.isEmpty()) {
            findings.add(Problem.NO_CHECKSUMS, backup.path(), "not listed in " + name);
        }
        return listed.stream().map(e -> new Found(e, name)).toList();
    }

    /**
     * Every entry whose path is the backup's (all of them, so that a manifest listing the file twice with
     * different digests cannot pass on whichever line comes first); else the only one whose last path segment
     * is its name.
     */
    private static List<ManifestEntry> lookUp(List<ManifestEntry> entries, String folder, Backup backup) {
        List<ManifestEntry> byPath = new ArrayList<>();
        List<ManifestEntry> byName = new ArrayList<>();
        for (ManifestEntry entry : entries) {
            if (BackupPaths.resolve(folder, entry.name()).filter(backup.path()::equals).isPresent()) {
                byPath.add(entry);
            } else if (BackupPaths.baseName(entry.name()).equals(backup.id())) {
                byName.add(entry);
            }
        }
        if (!byPath.isEmpty()) {
            return byPath;
        }
        return byName.size() == 1 ? byName : List.of();
    }

    private Optional<Entry> stat(String path) {
        try {
            return target.stat(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
