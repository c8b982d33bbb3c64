package io.backupverify.engine.check.copies;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.Advice;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.OtherSets;
import io.backupverify.engine.check.PostureChecks;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.CopiesSpec;
import io.backupverify.engine.plan.IntegrityScope;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The 3-2-1 rule: the newest backup of this set is also at every listed set, whole and identical, and the copies
 * that agree are enough in number, providers and off-site places. A copy is the backup of the same name at the
 * other set, or else the one taken at the same time.
 */
public final class CopiesCheck implements Check {
    private final CopiesSpec spec;
    private final Supplier<MountTable> mounts;

    public CopiesCheck(CopiesSpec spec) {
        this(spec, MountTable::read);
    }

    /** A copies check that reads this machine's mounts from {@code mounts}. */
    CopiesCheck(CopiesSpec spec, Supplier<MountTable> mounts) {
        this.spec = spec;
        this.mounts = mounts;
    }

    @Override
    public String id() {
        return "copies";
    }

    @Override
    public String advice(Finding finding, CheckContext context) {
        String message = finding.message();
        if (message.startsWith("no copy of") || message.startsWith("missing from the copy")
                || message.startsWith("differs from the original")) {
            return "copy the newest backup to that place again (rsync, rclone, aws s3 sync) and check why the "
                    + "copy job missed or changed it";
        }
        if (message.contains("fewer than")) {
            return "add copies on other providers or off-site until the 3-2-1 rule holds";
        }
        return Advice.general(finding);
    }

    @Override
    public CheckResult run(CheckContext context) throws IOException {
        CheckResult.Builder result = CheckResult.builder(id());
        List<Backup> newest = PostureChecks.select(context, IntegrityScope.LATEST);
        if (newest.isEmpty()) {
            return result.noBackupFound().build();
        }
        Optional<Backup> withData = context.newestWithData(empty -> result.finding(Finding.warn(empty.id(),
                "holds no data (no file, or only empty and checksum files): not taken for the newest backup, as "
                        + "identical copies of nothing prove nothing")));
        if (withData.isEmpty()) {
            return result.finding(Finding.fail(newest.get(0).id(), "no backup holds any data: the newest, "
                    + newest.get(0).id() + ", is empty like every one before it, so its copies prove nothing"))
                    .summary("no backup holds any data").build();
        }
        Backup original = withData.get();
        BackupContents originalContents = context.contents(original);
        Map<String, Entry> originalFiles = files(originalContents);
        boolean byManifest = spec.compare() == CopiesSpec.Comparison.MANIFEST
                && vouchedFor(context.set(), original.id(), result);
        Optional<Map<String, String>> originalDigests = byManifest
                ? ManifestDigests.read(context.target(), originalContents) : Optional.empty();
        Tally tally = new Tally();
        tally.count(original.id(), context.set(), context.set().isOffsite(),
                StoragePlaces.of(context.set().target(), context.target(), original, mounts));
        Map<String, String> digestCache = new TreeMap<>();
        for (String name : spec.at()) {
            try (OtherSets.OpenedSet other = context.otherSets().open(name)) {
                Optional<Backup> copy = counterpart(original, other.backups());
                if (copy.isEmpty()) {
                    result.finding(Finding.fail(name + ":" + original.id(), "no copy of " + original.id() + " at "
                            + name + " (" + other.target().description() + ")"));
                    continue;
                }
                BackupContents copyContents = other.catalog().contents(copy.get());
                Optional<Map<String, String>> manifestDigests = originalDigests.isPresent()
                        && vouchedFor(other.spec(), name + ":" + copy.get().id(), result)
                        ? originalDigests : Optional.empty();
                Comparison comparison = new Comparison(context.target(), originalContents, originalFiles,
                        manifestDigests, other, copyContents, digestCache);
                List<Finding> differences = comparison.run();
                result.findings(differences);
                tally.comparedBy.add(comparison.method);
                if (differences.stream().noneMatch(f -> f.severity().isWorseThan(Status.WARN))) {
                    String item = name + ":" + copy.get().id();
                    Optional<StoragePlace> place = StoragePlaces.of(other.spec().target(), other.target(),
                            copy.get(), mounts);
                    Optional<Counted> sharing = tally.sharing(place);
                    if (sharing.isPresent()) {
                        result.finding(Finding.warn(item, sharedStorage(other.spec().isOffsite(), sharing.get(),
                                place.get())));
                        tally.notCounted.add(item);
                    } else {
                        tally.count(item, other.spec(), other.spec().isOffsite(), place);
                    }
                }
            } catch (IOException e) {
                result.finding(Finding.error(name, "cannot read the copy at " + name + ": " + IoErrors.describe(e)));
            }
        }
        unresolvedHosts(result, tally.counted);
        if (tally.copies < spec.minCopies()) {
            result.finding(Finding.fail(original.id(), tally.copies + " identical cop" + (tally.copies == 1 ? "y" : "ies")
                    + " of the newest backup, fewer than minCopies " + spec.minCopies()));
        }
        if (tally.providers.size() < spec.minProviders()) {
            result.finding(Finding.fail(original.id(), "copies on " + tally.providers.size() + " provider"
                    + (tally.providers.size() == 1 ? "" : "s") + " " + tally.providers + ", fewer than minProviders "
                    + spec.minProviders()));
        }
        if (tally.offsite < spec.offsite()) {
            result.finding(Finding.fail(original.id(), tally.offsite + " off-site cop" + (tally.offsite == 1 ? "y"
                    : "ies") + ", fewer than the " + spec.offsite() + " required"));
        }
        result.metric("backup", original.id()).metric("copies", tally.copies)
                .metric("providers", List.copyOf(tally.providers)).metric("offsiteCopies", tally.offsite)
                .metric("comparedBy", tally.comparedBy.isEmpty() ? "nothing" : String.join(", ", tally.comparedBy))
                .metric("sharingStorage", List.copyOf(tally.notCounted));
        return result.summary(original.id() + ": " + tally.copies + " identical cop" + (tally.copies == 1 ? "y" : "ies")
                + " on " + tally.providers.size() + " provider" + (tally.providers.size() == 1 ? "" : "s") + ", "
                + tally.offsite + " off-site" + (tally.notCounted.isEmpty() ? "" : " (" + tally.notCounted.size()
                        + " more sharing their storage, not counted)")).build();
    }

    /**
     * Whether a set's manifest may stand for its bytes: only when its own integrity check reads the files against it.
     * Without one, a copy whose bytes rotted after its manifest was copied along would agree by manifest; it is then
     * compared by content, and a note says why.
     */
    private static boolean vouchedFor(BackupSetSpec set, String item, CheckResult.Builder result) {
        if (set.checks().integrity() != null) {
            return true;
        }
        result.finding(new Finding(item, set.name() + " has no integrity check to vouch that its files match its "
                + "manifest, so its files were read and compared by content (compare: manifest needs an integrity "
                + "check on both sets)", Status.PASS));
        return false;
    }

    /** Why a copy that agrees is not counted: it is on the storage of one already counted. */
    private static String sharedStorage(boolean markedOffsite, Counted counted, StoragePlace place) {
        if (place.kind().equals("device")) {
            return (markedOffsite ? "marked off-site, but on" : "on") + " the same file system as " + counted.item()
                    + " (device " + place.server() + "), so not counted as " + (markedOffsite ? "off-site nor as "
                            : "") + "another copy: one fault of that disk loses both"
                    + (markedOffsite ? ". If it should be on a mounted share or disk, that is not mounted, and the "
                            + "copy job wrote into the empty mount point" : "");
        }
        StoragePlace shared = counted.place().orElseThrow();
        return "on the same storage as " + counted.item() + " (" + shared.shown() + (shared.equals(place) ? ""
                : "; this copy: " + place.shown()) + oneHost(shared, place) + "), so not counted as another copy: one "
                + "fault, deletion or lost key there loses both";
    }

    /** Says which two names are one host, by an address both resolve to. */
    private static String oneHost(StoragePlace one, StoragePlace other) {
        for (Host host : one.hosts()) {
            for (Host otherHost : other.hosts()) {
                Optional<String> address = host.commonAddress(otherHost);
                if (!host.name().equals(otherHost.name()) && address.isPresent()) {
                    return "; " + host.name() + " and " + otherHost.name() + " are one host, " + address.get();
                }
            }
        }
        return "";
    }

    /**
     * Says where a host name could not be resolved here, so that copies were told apart by its name only: a WARN
     * where that decided it (another copy counted on the same kind of storage and port, on a host of another name),
     * else a note.
     */
    private static void unresolvedHosts(CheckResult.Builder result, List<Counted> counted) {
        Set<String> told = new LinkedHashSet<>();
        for (int i = 0; i < counted.size(); i++) {
            for (int j = i + 1; j < counted.size(); j++) {
                Optional<StoragePlace> one = counted.get(i).place();
                Optional<StoragePlace> other = counted.get(j).place();
                if (one.isEmpty() || other.isEmpty() || !one.get().kind().equals(other.get().kind())
                        || !one.get().server().equals(other.get().server()) || one.get().sameHost(other.get())
                        || !(one.get().hasUnresolvedHost() || other.get().hasUnresolvedHost())) {
                    continue;
                }
                List<String> names = new ArrayList<>(unresolvedNames(one.get()));
                names.addAll(unresolvedNames(other.get()));
                told.addAll(names);
                result.finding(Finding.warn(counted.get(j).item(), "counted as another copy than "
                        + counted.get(i).item() + " because their hosts differ, but " + String.join(" and ", names)
                        + " could not be resolved here, so they were told apart by name only: if both names are one "
                        + "server, this is no other copy"));
            }
        }
        for (Counted copy : counted) {
            for (String name : copy.place().map(CopiesCheck::unresolvedNames).orElse(List.of())) {
                if (told.add(name)) {
                    result.finding(new Finding(copy.item(), "host " + name + " could not be resolved here, so it is "
                            + "told from the other copies' hosts by name only", Status.PASS));
                }
            }
        }
    }

    private static List<String> unresolvedNames(StoragePlace place) {
        return place.hosts().stream().filter(Host::unresolved).map(Host::name).toList();
    }

    /** The copy's backup of the same name, or else one taken at the same time (names read from other patterns). */
    private static Optional<Backup> counterpart(Backup original, List<Backup> candidates) {
        Optional<Backup> sameName = candidates.stream().filter(b -> b.id().equals(original.id())).findFirst();
        if (sameName.isPresent() || !original.timeSource().equals("name")) {
            return sameName;
        }
        return candidates.stream().filter(b -> b.timeSource().equals("name") && b.time().equals(original.time())
                && b.directory() == original.directory()).findFirst();
    }

    static Map<String, Entry> files(BackupContents contents) {
        Map<String, Entry> files = new TreeMap<>();
        for (Entry entry : contents.entries()) {
            if (entry.isFile()) {
                files.put(contents.relativePath(entry), entry);
            }
        }
        return files;
    }

    /** A copy counted, where it is stored and the provider it counts for. */
    private record Counted(String item, Optional<StoragePlace> place, String provider) {
    }

    /** Copies that agree and are on storage of their own, the providers they are on and how many are off-site. */
    private static final class Tally {
        private int copies;
        private int offsite;
        private final List<Counted> counted = new ArrayList<>();
        private final List<String> notCounted = new ArrayList<>();
        private final Set<String> providers = new LinkedHashSet<>();
        private final Set<String> comparedBy = new LinkedHashSet<>();

        /**
         * Counts a copy. Its provider is the target's (an endpoint's or server's host as written), but a copy on a host
         * already counted (another name or address of it, or a share mounted from it) counts for that provider.
         */
        void count(String item, BackupSetSpec set, boolean isOffsite, Optional<StoragePlace> place) {
            copies++;
            String provider = set.target().provider();
            for (Counted earlier : counted) {
                if (place.isPresent() && earlier.place().isPresent() && !place.get().hosts().isEmpty()
                        && !earlier.place().get().hosts().isEmpty() && place.get().sameHost(earlier.place().get())) {
                    provider = earlier.provider();
                    break;
                }
            }
            counted.add(new Counted(item, place, provider));
            providers.add(provider);
            if (isOffsite) {
                offsite++;
            }
        }

        /** The copy already counted whose storage this place shares, if any. */
        Optional<Counted> sharing(Optional<StoragePlace> place) {
            return place.flatMap(p -> counted.stream().filter(c -> c.place().isPresent() && c.place().get().shares(p))
                    .findFirst());
        }
    }

    /** Compares one copy with the original, file by file. */
    private final class Comparison {
        private final Target originalTarget;
        private final BackupContents originalContents;
        private final Map<String, Entry> originalFiles;
        private final Optional<Map<String, String>> originalDigests;
        private final OtherSets.OpenedSet other;
        private final BackupContents copyContents;
        private final Map<String, String> originalDigestCache;
        private String method = "content";

        Comparison(Target originalTarget, BackupContents originalContents, Map<String, Entry> originalFiles,
                Optional<Map<String, String>> originalDigests, OtherSets.OpenedSet other,
                BackupContents copyContents, Map<String, String> originalDigestCache) {
            this.originalTarget = originalTarget;
            this.originalContents = originalContents;
            this.originalFiles = originalFiles;
            this.originalDigests = originalDigests;
            this.other = other;
            this.copyContents = copyContents;
            this.originalDigestCache = originalDigestCache;
        }

        List<Finding> run() throws IOException {
            List<Finding> findings = new ArrayList<>();
            String at = other.spec().name();
            String copyId = copyContents.backup().id();
            Map<String, Entry> copyFiles = files(copyContents);
            Optional<Map<String, String>> copyDigests = originalDigests.isPresent()
                    ? ManifestDigests.read(other.target(), copyContents) : Optional.empty();
            boolean byManifest = originalDigests.isPresent() && copyDigests.isPresent();
            method = byManifest ? "manifest digests" : "content (SHA-256 of both sides)";
            for (Map.Entry<String, Entry> file : originalFiles.entrySet()) {
                String path = file.getKey();
                String item = at + ":" + copyId + "/" + path;
                Entry copy = copyFiles.get(path);
                if (copy == null) {
                    findings.add(Finding.fail(item, "missing from the copy at " + at));
                    continue;
                }
                if (copy.size() != file.getValue().size()) {
                    findings.add(Finding.fail(item, "differs from the original: " + copy.size() + " bytes, the "
                            + "original has " + file.getValue().size()));
                    continue;
                }
                if (byManifest) {
                    String mine = originalDigests.get().get(path);
                    String theirs = copyDigests.get().get(path);
                    if (mine != null && theirs != null) {
                        if (!mine.equals(theirs)) {
                            findings.add(Finding.fail(item, "differs from the original: the manifests give "
                                    + "different digests"));
                        }
                        continue;
                    }
                }
                String mine = originalDigestCache.get(path);
                if (mine == null) {
                    try {
                        mine = ContentDigests.sha256(originalTarget, file.getValue().path());
                    } catch (IOException e) {
                        findings.add(Finding.error(originalContents.backup().id() + "/" + path,
                                "cannot read the original: " + IoErrors.describe(e)));
                        continue;
                    }
                    originalDigestCache.put(path, mine);
                }
                String theirs;
                try {
                    theirs = ContentDigests.sha256(other.target(), copy.path());
                } catch (IOException e) {
                    findings.add(Finding.error(item, "cannot read the copy: " + IoErrors.describe(e)));
                    continue;
                }
                if (!mine.equals(theirs)) {
                    findings.add(Finding.fail(item, "differs from the original: same size, different content "
                            + "(SHA-256 " + theirs.substring(0, 12) + "… against " + mine.substring(0, 12) + "…)"));
                }
            }
            for (String path : copyFiles.keySet()) {
                if (!originalFiles.containsKey(path)) {
                    findings.add(Finding.warn(at + ":" + copyId + "/" + path, "in the copy at " + at
                            + " but not in the original " + originalContents.backup().id()));
                }
            }
            return findings;
        }
    }
}
