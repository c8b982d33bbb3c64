package io.backupverify.engine.check.integrity;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.ChecksumFileNames;
import io.backupverify.engine.checksum.ChecksumAlgorithm;
import io.backupverify.engine.checksum.ManifestEntry;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.EntryType;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.util.Glob;
import java.util.List;
import java.util.Optional;

/**
 * Checksums of a backup folder (layout {@code directory-per-backup}). They come from the manifest the plan names,
 * else from the first of SHA256SUMS, SHA512SUMS, SHA1SUMS, MD5SUMS at the folder's top, else from sidecar files
 * ({@code <file>.sha256} and the like) beside the files. Names a manifest lists that are absent are missing;
 * files it does not list are reported; links out of the backup are reported and never followed.
 */
final class DirectoryChecksums {

    private final Target target;
    private final String configuredManifest;
    private final List<Ignored> ignored;
    private final ManifestLoader loader;
    private final Findings findings;

    /**
     * @param configuredManifest the manifest the plan names, a path inside each backup; null to look for one
     * @param ignore             patterns of paths inside a backup not to report as unlisted or as links out
     */
    DirectoryChecksums(Target target, String configuredManifest, List<String> ignore, ManifestLoader loader,
            Findings findings) {
        this.target = target;
        this.configuredManifest = configuredManifest;
        this.ignored = ignore.stream().map(p -> new Ignored(Glob.compile(p), !p.contains("/"))).toList();
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
        reportUnlisted(index, clean, manifest.map(DirectoryChecksums::unlistedMessage)
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
        index.markListed(manifest);
        return fromManifest(index.contents().backup(), manifest, new Lookup() {
            @Override
            public Entry find(String pathInBackup) {
                return index.find(pathInBackup);
            }

            @Override
            public void found(Entry listed, ManifestEntry entry, String manifestName, String pathInBackup) {
                index.markListed(listed);
                reads.add(index, listed, entry, manifestName, pathInBackup);
            }
        });
    }

    /** How the names a manifest lists are found among a backup's entries. */
    interface Lookup {
        /** The entry at a path inside the backup, or null when the backup holds none. */
        Entry find(String pathInBackup);

        /** A manifest line names this entry, which is not the manifest itself. */
        void found(Entry listed, ManifestEntry entry, String manifestName, String pathInBackup);
    }

    /**
     * Goes through a manifest's lines, in its order, reporting the names that lie outside the backup or are missing
     * from it, and handing every other one to the lookup.
     *
     * @return whether the manifest was read cleanly and listed something
     */
    boolean fromManifest(Backup backup, Entry manifest, Lookup lookup) {
        String folder = BackupPaths.parent(manifest.path().substring(backup.path().length() + 1));
        String name = BackupPaths.baseName(manifest.path());
        AbsoluteNames absolute = new AbsoluteNames(target, backup);
        int[] absoluteLines = new int[2];
        int[] lines = new int[2];
        boolean clean = loader.stream(manifest, false, entry -> {
            lines[0]++;
            boolean isAbsolute = AbsoluteNames.isAbsolute(entry.name());
            Optional<String> path = isAbsolute ? absolute.inside(entry.name())
                    : BackupPaths.resolve(folder, entry.name());
            if (path.isEmpty()) {
                findings.add(Problem.NOT_READ, manifest.path(), name + " line " + entry.line() + " names '"
                        + entry.name() + "', which is outside the backup; not read"
                        + (isAbsolute ? " (the backup is " + absolute.where() + ")" : ""));
                return;
            }
            if (isAbsolute && absoluteLines[0]++ == 0) {
                absoluteLines[1] = entry.line();
            }
            Entry listed = lookup.find(path.get());
            if (listed == null) {
                findings.add(Problem.MISSING, backup.path() + "/" + path.get(),
                        "listed in " + name + " line " + entry.line() + " but missing");
                return;
            }
            if (listed.path().equals(manifest.path())) {
                findings.add(Problem.NOTE, manifest.path(), name + " line " + entry.line()
                        + " lists the manifest itself, which cannot hold its own checksum; not read");
                lines[1]++;
                return;
            }
            lookup.found(listed, entry, name, path.get());
        });
        if (lines[0] > 0 && lines[0] == lines[1]) {
            findings.add(Problem.NO_CHECKSUMS, manifest.path(), name + " lists no file but itself, so nothing in "
                    + "the backup has a checksum (was it written before the backup's files, or in an empty "
                    + "folder?)");
        }
        if (absoluteLines[0] > 0) {
            findings.add(Problem.NOTE, manifest.path(), name + " names " + absoluteLines[0] + " file"
                    + (absoluteLines[0] == 1 ? "" : "s") + " by absolute paths (from line " + absoluteLines[1]
                    + "); they were verified as the files inside " + absolute.where());
        }
        return clean;
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
            if (isIgnored(index.relative(entry), entry.name())) {
                return;
            }
            if (entry.type() == EntryType.SYMLINK && !pointsInside(index, entry)) {
                findings.add(Problem.OUTSIDE_LINK, entry.path(), "symbolic link pointing outside the backup (to "
                        + entry.linkTarget() + "); not followed");
            } else if (clean && isUnlistedFile(index.relative(entry), entry)) {
                findings.add(Problem.UNLISTED, entry.path(), unlistedMessage);
            }
        });
    }

    /** Whether an entry no manifest lists is a file to report as unlisted (not ignored, not a checksum file). */
    boolean isUnlistedFile(String relative, Entry entry) {
        return entry.isFile() && !ChecksumFileNames.isChecksumFile(entry.name()) && !isIgnored(relative, entry.name());
    }

    /** The message for a file the manifest does not list. */
    static String unlistedMessage(Entry manifest) {
        return "not listed in " + BackupPaths.baseName(manifest.path());
    }

    /** A pattern with a {@code /} matches the path inside the backup; one without matches a name at any depth. */
    private boolean isIgnored(String relative, String name) {
        return ignored.stream().anyMatch(pattern -> pattern.glob().matches(relative)
                || pattern.byName() && pattern.glob().matches(name));
    }

    private record Ignored(Glob glob, boolean byName) {
    }

    private static boolean pointsInside(BackupIndex index, Entry link) {
        return link.linkInsideRoot() && index.insideBackup(link.linkTarget()) != null;
    }

}
