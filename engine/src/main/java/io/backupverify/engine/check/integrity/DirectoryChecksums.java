package io.backupverify.engine.check.integrity;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.ChecksumFileNames;
import io.backupverify.engine.checksum.ChecksumAlgorithm;
import io.backupverify.engine.checksum.ManifestEntry;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.EntryType;
import java.util.List;
import java.util.Optional;

/**
 * Checksums of a backup folder (layout {@code directory-per-backup}). They come from the manifest the plan names,
 * else from the first of SHA256SUMS, SHA512SUMS, SHA1SUMS, MD5SUMS at the folder's top, else from sidecar files
 * ({@code <file>.sha256} and the like) beside the files. Names a manifest lists that are absent are missing;
 * files it does not list are reported; links out of the backup are reported and never followed.
 */
final class DirectoryChecksums {

    private final String configuredManifest;
    private final ManifestLoader loader;
    private final Findings findings;

    /** @param configuredManifest the manifest the plan names, a path inside each backup; null to look for one */
    DirectoryChecksums(String configuredManifest, ManifestLoader loader, Findings findings) {
        this.configuredManifest = configuredManifest;
        this.loader = loader;
        this.findings = findings;
    }

    /** Adds the files of this backup to the read list and reports what is wrong with its listing. */
    void collect(BackupIndex index, ReadList reads) {
        Backup backup = index.contents().backup();
        Optional<Entry> manifest = findManifest(index, configuredManifest);
        boolean clean;
        if (manifest.isPresent()) {
            clean = fromManifest(index, manifest.get(), reads);
        } else if (configuredManifest == null && hasSidecars(index)) {
            clean = fromSidecars(index, reads);
        } else {
            findings.add(Problem.NO_CHECKSUMS, backup.path(), configuredManifest != null
                    ? "checksum manifest " + configuredManifest + " is missing from the backup"
                    : "no checksum manifest: looked for " + String.join(", ", ChecksumFileNames.MANIFEST_NAMES)
                            + " and sidecar files (" + String.join(", ", ChecksumFileNames.SIDECAR_SUFFIXES) + ")");
            clean = false;
        }
        reportUnlisted(index, clean, manifest.map(m -> "not listed in " + BackupPaths.baseName(m.path()))
                .orElse("has no checksum sidecar"));
    }

    /** The manifest of a backup folder: the one the plan names, else the first default name present. */
    static Optional<Entry> findManifest(BackupIndex index, String configuredManifest) {
        if (configuredManifest != null) {
            return BackupPaths.resolve("", configuredManifest).map(index::find);
        }
        return ChecksumFileNames.MANIFEST_NAMES.stream().map(index::find).filter(e -> e != null).findFirst();
    }

    private boolean fromManifest(BackupIndex index, Entry manifest, ReadList reads) {
        String folder = BackupPaths.parent(index.relative(manifest));
        String name = BackupPaths.baseName(manifest.path());
        index.markListed(manifest);
        return loader.stream(manifest, false, entry -> {
            Optional<String> path = BackupPaths.resolve(folder, entry.name());
            if (path.isEmpty()) {
                findings.add(Problem.NOT_READ, manifest.path(), name + " line " + entry.line() + " names '"
                        + entry.name() + "', which is outside the backup; not read");
                return;
            }
            Entry listed = index.find(path.get());
            if (listed == null) {
                findings.add(Problem.MISSING, index.contents().backup().path() + "/" + path.get(),
                        "listed in " + name + " line " + entry.line() + " but missing");
                return;
            }
            if (listed == manifest) {
                findings.add(Problem.NOTICE, manifest.path(), name + " line " + entry.line()
                        + " lists the manifest itself, which cannot hold its own checksum; not read");
                return;
            }
            index.markListed(listed);
            reads.add(index, listed, entry, name, path.get());
        });
    }

    private static boolean hasSidecars(BackupIndex index) {
        return index.contents().entries().stream().anyMatch(DirectoryChecksums::isSidecar);
    }

    private static boolean isSidecar(Entry entry) {
        return entry.type() != EntryType.DIRECTORY && ChecksumAlgorithm.fromSidecarName(entry.name()).isPresent();
    }

    private boolean fromSidecars(BackupIndex index, ReadList reads) {
        boolean clean = true;
        List<Entry> sidecars = index.contents().entries().stream().filter(DirectoryChecksums::isSidecar).toList();
        for (Entry sidecar : sidecars) {
            index.markListed(sidecar);
            String filePath = stripSuffix(sidecar.path());
            List<ManifestEntry> expected = Sidecars.pick(loader.load(sidecar, true), sidecar,
                    BackupPaths.baseName(filePath), findings);
            if (expected.isEmpty()) {
                clean = false;
                continue;
            }
            Entry file = index.findByTargetPath(filePath);
            if (file == null) {
                findings.add(Problem.MISSING, filePath, "has a checksum sidecar "
                        + BackupPaths.baseName(sidecar.path()) + " but is missing");
                continue;
            }
            index.markListed(file);
            for (ManifestEntry entry : expected) {
                reads.add(index, file, entry, BackupPaths.baseName(sidecar.path()), index.relative(file));
            }
        }
        return clean;
    }

    private static String stripSuffix(String path) {
        return path.substring(0, path.lastIndexOf('.'));
    }

    private void reportUnlisted(BackupIndex index, boolean clean, String unlistedMessage) {
        index.forEachUnlisted(entry -> {
            if (entry.type() == EntryType.SYMLINK && !pointsInside(index, entry)) {
                findings.add(Problem.OUTSIDE_LINK, entry.path(), "symbolic link pointing outside the backup (to "
                        + entry.linkTarget() + "); not followed");
            } else if (clean && entry.isFile() && !ChecksumFileNames.isChecksumFile(entry.name())) {
                findings.add(Problem.UNLISTED, entry.path(), unlistedMessage);
            }
        });
    }

    private static boolean pointsInside(BackupIndex index, Entry link) {
        return link.linkInsideRoot() && index.insideBackup(link.linkTarget()) != null;
    }

}
