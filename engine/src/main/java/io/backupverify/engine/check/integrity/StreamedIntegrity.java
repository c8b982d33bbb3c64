package io.backupverify.engine.check.integrity;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.ChecksumFileNames;
import io.backupverify.engine.backup.ListingCursor;
import io.backupverify.engine.checksum.ManifestEntry;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.EntryType;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Integrity of folder backups without holding their listings: each backup's listing and its manifest are gone
 * through side by side, as a merge of two streams in the order of their paths' UTF-8 bytes (the order in which S3
 * lists keys, and that of a manifest written over {@code find | LC_ALL=C sort}), and the files of this run's
 * slice are read in batches as they come. Nothing is kept per file.
 *
 * <p>It gives the verdicts the columnar path gives, or none: whatever it cannot judge the same way (either stream
 * out of that order, a path listed twice, a symbolic link, a backup without a manifest file, a listing that fails)
 * stops it with {@link Unsuited}, and the check starts again on the columnar path. The order is checked as the
 * streams go, never assumed.
 */
final class StreamedIntegrity {
    /** Files read together, largest first; a backup with fewer files is read as the columnar path reads it. */
    static final int BATCH = 1024;

    private final Target target;
    private final String configuredManifest;
    private final DirectoryChecksums directories;
    private final Findings findings;
    private final ParallelReader reader;
    private final Listed listed;
    private final List<ExpectedFile> batch = new ArrayList<>();

    StreamedIntegrity(Target target, String configuredManifest, DirectoryChecksums directories, Findings findings,
            ParallelReader reader, Listed listed) {
        this.target = target;
        this.configuredManifest = configuredManifest;
        this.directories = directories;
        this.findings = findings;
        this.reader = reader;
        this.listed = listed;
    }

    /**
     * Told how many files, and bytes in them, a backup's whole listing held, once it has been merged to its end: the
     * run reports them for the latest backup, which then needs no listing of its own after the check.
     */
    @FunctionalInterface
    interface Listed {
        void totals(Backup backup, long files, long bytes);
    }

    /** Why the streams cannot be merged; the check then takes the columnar path. */
    static final class Unsuited extends Exception {
        Unsuited(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Carries a checked stop out of the manifest's sink. */
    private static final class Stop extends RuntimeException {
        Stop(Exception cause) {
            super(null, cause, false, false);
        }
    }

    /** Takes a file to read from the read list: read with the others of its batch. */
    void accept(ExpectedFile file) {
        batch.add(file);
        if (batch.size() >= BATCH) {
            try {
                flush();
            } catch (InterruptedException e) {
                throw new Stop(e);
            }
        }
    }

    private void flush() throws InterruptedException {
        if (!batch.isEmpty()) {
            List<ExpectedFile> files = List.copyOf(batch);
            batch.clear();
            reader.readAll(files, at -> files.get(at).read().size());
        }
    }

    /** Verifies the backups, adding their files to the streaming read list. */
    void run(List<Backup> backups, ReadList reads) throws Unsuited, InterruptedException {
        for (Backup backup : backups) {
            if (!backup.directory()) {
                throw new Unsuited("a file backup");
            }
            verify(backup, reads);
        }
        flush();
    }

    private void verify(Backup backup, ReadList reads) throws Unsuited, InterruptedException {
        Entry manifest = manifest(backup);
        try (ListingCursor listing = ListingCursor.open(target, backup.path())) {
            Merge merge = new Merge(backup, manifest, listing, reads);
            boolean clean = directories.fromManifest(backup, manifest, merge);
            merge.drain();
            if (!merge.sawManifest) {
                throw new Unsuited("the manifest is not in the listing");
            }
            listed.totals(backup, merge.files, merge.bytes);
            merge.reportUnlisted(clean);
        } catch (Stop stop) {
            if (stop.getCause() instanceof InterruptedException e) {
                throw e;
            }
            throw (Unsuited) stop.getCause();
        } catch (IOException e) {
            throw new Unsuited("the listing failed: " + e);
        }
    }

    /** The backup's manifest file, found as the columnar path finds it, without listing the backup. */
    private Entry manifest(Backup backup) throws Unsuited {
        List<String> names = configuredManifest == null ? ChecksumFileNames.MANIFEST_NAMES
                : BackupPaths.resolve("", configuredManifest).map(List::of).orElse(List.of());
        if (names.isEmpty()) {
            throw new Unsuited("no manifest name");
        }
        for (String name : names) {
            Optional<Entry> found;
            try {
                found = target.stat(backup.path() + "/" + name);
            } catch (IOException e) {
                throw new Unsuited("cannot look for the manifest: " + e);
            }
            if (found.isPresent()) {
                if (found.get().type() != EntryType.FILE) {
                    throw new Unsuited("the manifest is not a file");
                }
                return found.get();
            }
        }
        throw new Unsuited("no manifest");
    }

    /** One backup's listing, advanced as the manifest's names come. */
    private final class Merge implements DirectoryChecksums.Lookup {
        private final Backup backup;
        private final Entry manifest;
        private final ListingCursor listing;
        private final ReadList reads;
        private final String prefix;
        private byte[] lastWanted;
        private byte[] lastListed;
        /** The first listed entry not yet passed, and whether a manifest line named it. */
        private Entry current;
        private boolean currentNamed;
        private boolean sawManifest;
        private final List<String> unlisted = new ArrayList<>();
        private long unlistedCount;
        /** The files listed so far, and their bytes. */
        private long files;
        private long bytes;

        Merge(Backup backup, Entry manifest, ListingCursor listing, ReadList reads) {
            this.backup = backup;
            this.manifest = manifest;
            this.listing = listing;
            this.reads = reads;
            this.prefix = backup.path() + "/";
        }

        @Override
        public Entry find(String pathInBackup) {
            byte[] wanted = (prefix + pathInBackup).getBytes(StandardCharsets.UTF_8);
            if (lastWanted != null && Arrays.compareUnsigned(wanted, lastWanted) < 0) {
                throw new Stop(new Unsuited("the manifest is not in byte order"));
            }
            lastWanted = wanted;
            while (current != null || fetch()) {
                int compared = Arrays.compareUnsigned(lastListed, wanted);
                if (compared == 0) {
                    currentNamed = true;
                    if (current.path().equals(manifest.path())) {
                        sawManifest = true;
                    }
                    return current;
                }
                if (compared > 0) {
                    return null;
                }
                pass();
            }
            return null;
        }

        @Override
        public void found(Entry listed, ManifestEntry entry, String manifestName, String pathInBackup) {
            if (listed.type() == EntryType.SYMLINK) {
                throw new Stop(new Unsuited("a symbolic link"));
            }
            reads.add(backup, listed, entry, manifestName, pathInBackup);
        }

        /** Takes the next listed entry; false at the end of the listing. */
        private boolean fetch() {
            Entry next;
            try {
                next = listing.next();
            } catch (IOException e) {
                throw new Stop(new Unsuited("the listing failed: " + e));
            } catch (InterruptedException e) {
                throw new Stop(e);
            }
            if (next == null) {
                return false;
            }
            byte[] path = next.path().getBytes(StandardCharsets.UTF_8);
            if (lastListed != null && Arrays.compareUnsigned(path, lastListed) <= 0) {
                throw new Stop(new Unsuited("the listing is not in byte order"));
            }
            if (next.type() == EntryType.SYMLINK) {
                throw new Stop(new Unsuited("a symbolic link"));
            }
            lastListed = path;
            current = next;
            currentNamed = false;
            if (next.isFile()) {
                files++;
                bytes += next.size();
            }
            return true;
        }

        /** Leaves the current entry behind: a file no manifest line named is unlisted. */
        private void pass() {
            Entry entry = current;
            current = null;
            if (currentNamed) {
                return;
            }
            if (entry.path().equals(manifest.path())) {
                sawManifest = true;
            } else if (directories.isUnlistedFile(entry.path().substring(prefix.length()), entry)) {
                if (unlistedCount++ < Findings.LISTED_PER_KIND) {
                    unlisted.add(entry.path());
                }
            }
        }

        /** Passes the rest of the listing, after the manifest's last line. */
        void drain() {
            while (current != null || fetch()) {
                pass();
            }
        }

        /** The unlisted files, reported only when the manifest was read cleanly, as the columnar path does. */
        void reportUnlisted(boolean clean) {
            if (!clean) {
                return;
            }
            String message = DirectoryChecksums.unlistedMessage(manifest);
            unlisted.forEach(path -> findings.add(Problem.UNLISTED, path, message));
            findings.addUnlisted(Problem.UNLISTED, unlistedCount - unlisted.size());
        }
    }
}
