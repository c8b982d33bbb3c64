package io.backupverify.engine.check.integrity;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.checksum.ManifestEntry;
import io.backupverify.engine.checksum.ManifestParser;
import io.backupverify.engine.target.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells truncated files from otherwise changed ones. Manifests carry no sizes, but when the backup before a file's
 * own holds the same path, listed with the same digest, that file's size is the size the content must have; a
 * changed file shorter than that was cut short. Without such evidence a file is reported as changed. The earlier
 * backup is only consulted, never judged: problems there are not findings of this run.
 */
final class PreviousVersions {
    private final CheckContext context;
    private final String configuredManifest;

    PreviousVersions(CheckContext context, String configuredManifest) {
        this.context = context;
        this.configuredManifest = configuredManifest;
    }

    void report(List<Mismatch> mismatches, Findings findings) {
        Map<Backup, Set<String>> wanted = new HashMap<>();
        for (Mismatch mismatch : mismatches) {
            previous(mismatch.file().backup()).ifPresent(previous ->
                    wanted.computeIfAbsent(previous, key -> new HashSet<>()).add(pathInBackup(mismatch.file())));
        }
        Map<Backup, Evidence> evidence = new HashMap<>();
        wanted.forEach((previous, paths) -> evidence.put(previous, Evidence.gather(context, previous,
                configuredManifest, paths)));
        for (Mismatch mismatch : mismatches) {
            ExpectedFile file = mismatch.file();
            Optional<Backup> previous = previous(file.backup());
            Optional<Entry> same = previous.map(evidence::get)
                    .flatMap(found -> found.sameContent(pathInBackup(file), file.digest()));
            if (same.isPresent() && same.get().size() > mismatch.bytes()) {
                findings.add(Problem.TRUNCATED, file.item(), "truncated: " + mismatch.bytes() + " bytes, but "
                        + same.get().path() + ", listed with the same " + file.algorithm().displayName()
                        + " in the backup before, has " + same.get().size() + " bytes");
            } else {
                findings.add(Problem.CHANGED, file.item(), mismatch.changedMessage());
            }
        }
    }

    private Optional<Backup> previous(Backup backup) {
        if (!backup.directory()) {
            return Optional.empty();
        }
        List<Backup> backups = context.backups();
        int at = backups.indexOf(backup);
        return at > 0 ? Optional.of(backups.get(at - 1)) : Optional.empty();
    }

    private static String pathInBackup(ExpectedFile file) {
        return file.listed().path().substring(file.backup().path().length() + 1);
    }

    /** What an earlier backup's manifest and listing say about some paths. */
    private record Evidence(BackupIndex index, Map<String, ManifestEntry> listed) {
        static Evidence gather(CheckContext context, Backup backup, String configuredManifest, Set<String> paths) {
            Map<String, ManifestEntry> listed = new HashMap<>();
            try {
                BackupIndex index = new BackupIndex(context.contents(backup));
                Optional<Entry> manifest = DirectoryChecksums.findManifest(index, configuredManifest);
                if (manifest.isEmpty() || !manifest.get().isFile()) {
                    return new Evidence(index, listed);
                }
                String folder = BackupPaths.parent(index.relative(manifest.get()));
                try (InputStream in = context.target().open(manifest.get().path())) {
                    new ManifestParser(manifest.get().path(), false).read(in, entry ->
                            BackupPaths.resolve(folder, entry.name()).filter(paths::contains)
                                    .ifPresent(path -> listed.put(path, entry)));
                }
                return new Evidence(index, listed);
            } catch (IOException e) {
                return new Evidence(null, Map.of());
            }
        }

        /** The earlier backup's file at this path, if its manifest lists it with this digest. */
        Optional<Entry> sameContent(String path, byte[] digest) {
            ManifestEntry entry = listed.get(path);
            if (entry == null || !MessageDigest.isEqual(entry.digest(), digest)) {
                return Optional.empty();
            }
            Entry file = index.find(path);
            return file != null && file.isFile() ? Optional.of(file) : Optional.empty();
        }
    }
}
