package io.backupverify.engine.backup;

import io.backupverify.engine.plan.LayoutKind;
import io.backupverify.engine.plan.LayoutSpec;
import io.backupverify.engine.plan.NamePattern;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.EntryType;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the backups of a set on its target, oldest first. */
public final class BackupCatalog {
    private final Target target;
    private final LayoutSpec layout;
    private final NamePattern pattern;
    private final ZoneId zone;
    private final boolean zoneStated;

    public BackupCatalog(Target target, LayoutSpec layout, ZoneId zone) {
        this(target, layout, zone, true);
    }

    /** A catalog whose zone was only assumed ({@code zoneStated} false) when the plan gives no timezone. */
    public BackupCatalog(Target target, LayoutSpec layout, ZoneId zone, boolean zoneStated) {
        this.target = target;
        this.layout = layout;
        this.pattern = NamePattern.compile(layout.namePattern());
        this.zone = zone;
        this.zoneStated = zoneStated;
    }

    /**
     * Whether a backup's time was read from its name in a zone the plan did not state: a job that names its
     * backups in local time east of UTC then looks up to 14 hours younger than it is.
     */
    public boolean zoneAssumed(Backup backup) {
        return !zoneStated && "name".equals(backup.timeSource()) && !pattern.carriesZone(backup.id());
    }

    /** The backups on the target, sorted by time (oldest first), ties by name. */
    public List<Backup> discover() throws IOException {
        return find().backups();
    }

    /** The backups on the target, and the names of the layout that are symbolic links (never followed). */
    public Found find() throws IOException {
        boolean wantDirectories = layout.kind() == LayoutKind.DIRECTORY_PER_BACKUP;
        List<Backup> backups = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (Entry entry : target.list("")) {
            String name = entry.name();
            if (isHidden(name) || !wantDirectories && ChecksumFileNames.isMetadataFile(name)
                    || !pattern.matches(name)) {
                continue;
            }
            if (entry.type() == EntryType.SYMLINK) {
                links.add(name);
                continue;
            }
            if (!(wantDirectories ? entry.isDirectory() : entry.isFile())) {
                continue;
            }
            Optional<Instant> named = pattern.timeOf(name, zone);
            backups.add(new Backup(name, entry.path(), named.orElse(entry.modified()),
                    named.isPresent() ? "name" : "modified", wantDirectories, entry.size(), entry.modified()));
        }
        backups.sort(Comparator.comparing(Backup::time).thenComparing(Backup::id));
        return new Found(backups, links);
    }

    /** What a listing of the target found. */
    public record Found(List<Backup> backups, List<String> links) {
        public Found {
            backups = List.copyOf(backups);
            links = List.copyOf(links);
        }

        /** The backups as the checks judge them at a time. */
        public BackupTimeline at(Instant now) {
            return BackupTimeline.of(backups, links, now);
        }
    }

    private boolean isHidden(String name) {
        return name.startsWith(".") && !layout.namePattern().startsWith(".");
    }

    /** The bytes of the files a backup holds, counted from a listing that is not kept. */
    public long totalBytes(Backup backup) throws IOException {
        if (!backup.directory()) {
            return target.stat(backup.path()).filter(Entry::isFile).map(Entry::size).orElse(0L);
        }
        long[] total = new long[1];
        target.walk(backup.path(), entry -> {
            if (entry.isFile()) {
                total[0] += entry.size();
            }
        });
        return total[0];
    }

    /** Everything a backup holds, read from the target. */
    public BackupContents contents(Backup backup) throws IOException {
        if (!backup.directory()) {
            Optional<Entry> file = target.stat(backup.path());
            return new BackupContents(backup, file.map(List::of).orElse(List.of()));
        }
        BackupContents.Builder entries = BackupContents.builder(backup);
        target.walk(backup.path(), entries::add);
        return entries.build();
    }
}
