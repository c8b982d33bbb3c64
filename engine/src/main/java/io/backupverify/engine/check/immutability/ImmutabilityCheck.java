package io.backupverify.engine.check.immutability;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.Advice;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.PostureChecks;
import io.backupverify.engine.plan.ImmutabilitySpec;
import io.backupverify.engine.plan.IntegrityScope;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.ObjectLocks;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.target.UnansweredException;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the store keeps backups from being changed or deleted: a default lock on the store, and every file of
 * every backup locked until at least its backup time plus {@code minRetention}. A store that cannot lock (a local
 * folder, an SFTP server) cannot enforce immutability, which is never a pass.
 */
public final class ImmutabilityCheck implements Check {
    /** Why a lock that can be lifted is weaker than "immutable" reads, and how a plan accepts it. */
    private static final String LIFTABLE = "anyone allowed to (s3:BypassGovernanceRetention on S3, setting "
            + "immutability policies on Azure) can shorten or remove before it ends; set mode: governance to accept it";
    /** Why a legal hold is no more binding than a liftable lock. */
    private static final String CLEARABLE = "anyone allowed to set legal holds (s3:PutObjectLegalHold on S3, "
            + "setting legal holds on Azure) can clear at any time; set mode: governance to accept it";

    private final ImmutabilitySpec spec;

    public ImmutabilityCheck(ImmutabilitySpec spec) {
        this.spec = spec;
    }

    @Override
    public String id() {
        return "immutability";
    }

    @Override
    public String advice(Finding finding, CheckContext context) {
        if (finding.message().contains("cannot be enforced here")) {
            return "keep a copy on a store with object lock (S3 Object Lock, Azure immutable storage) and check it "
                    + "with the copies check, or set unknown: warn to accept this target";
        }
        if (finding.message().startsWith("the store locks no new objects")) {
            return "turn on Object Lock with a default retention of at least minRetention for this bucket";
        }
        if (finding.severity() == Status.FAIL) {
            return "lock this object until its retention ends (put-object-retention), and set a default "
                    + "retention so new backups are locked";
        }
        return Advice.general(finding);
    }

    private static String shown(Instant until) {
        return until.equals(Instant.MAX) ? "released (no end date)" : until.toString();
    }

    private static CheckResult unknown(CheckResult.Builder result, Finding finding) {
        return result.finding(finding).metric("enforceable", "unknown").summary("the store cannot tell how long it "
                + "locks objects").build();
    }

    @Override
    public CheckResult run(CheckContext context) throws IOException {
        CheckResult.Builder result = CheckResult.builder(id());
        Target target = context.target();
        if (!(target instanceof ObjectLocks store)) {
            if (spec.required()) {
                result.finding(new Finding(target.description(), "this kind of target cannot keep backups from "
                        + "being changed or deleted, so immutability cannot be enforced here; keep a copy on a store "
                        + "with object lock", PostureChecks.verdictFor(spec.unknown())));
            }
            return result.metric("enforceable", false).summary("immutability cannot be enforced on this target")
                    .build();
        }
        Status unknown = PostureChecks.verdictFor(spec.unknown());
        boolean acceptsLiftable = spec.mode() == ImmutabilitySpec.Mode.GOVERNANCE;
        Optional<ObjectLocks.Lock> defaultLock;
        try {
            defaultLock = store.defaultLock();
        } catch (UnansweredException e) {
            result.finding(new Finding(target.description(), e.getMessage(), unknown));
            return result.metric("enforceable", "unknown").summary("the store cannot tell whether it locks objects")
                    .build();
        }
        result.metric("defaultLock", defaultLock.map(ObjectLocks.Lock::description).orElse("none"));
        if (defaultLock.isEmpty() && spec.required()) {
            result.finding(Finding.fail(target.description(), "the store locks no new objects by default"));
        }
        if (defaultLock.isPresent() && defaultLock.get().liftable() && spec.required() && !acceptsLiftable) {
            String lock = defaultLock.get().description();
            result.finding(Finding.warn(target.description(), lock.startsWith("legal hold")
                    ? "the store keeps new objects only by a " + lock + ", which " + CLEARABLE
                    : "the store locks new objects by default in " + lock + ", a mode " + LIFTABLE));
        }
        List<Backup> backups = PostureChecks.select(context, IntegrityScope.ALL);
        long locked = 0;
        long unlocked = 0;
        long liftable = 0;
        Set<String> modes = new TreeSet<>();
        for (Backup backup : backups) {
            // Without minRetention every file must be locked now; with it, until the backup time plus it, and
            // a backup older than that needs no lock any more.
            Instant needed = spec.minRetention() == null ? context.now()
                    : backup.time().plus(spec.minRetention().duration());
            if (needed.isBefore(context.now())) {
                continue;
            }
            BackupContents contents = context.contents(backup);
            for (Entry entry : contents.entries()) {
                if (!entry.isFile()) {
                    continue;
                }
                List<ObjectLocks.ObjectLock> locks;
                try {
                    locks = store.locksOf(entry.path());
                } catch (UnansweredException e) {
                    return unknown(result, new Finding(entry.path(), e.getMessage(), unknown));
                }
                locks.stream().filter(ObjectLocks.ObjectLock::isReadable).forEach(l -> modes.add(l.mode()));
                if (locks.stream().anyMatch(l -> !l.liftable() && l.lasts(needed))) {
                    locked++;
                    continue;
                }
                Optional<ObjectLocks.ObjectLock> lifting = locks.stream().filter(l -> l.liftable() && l.lasts(needed))
                        .findFirst();
                Optional<ObjectLocks.ObjectLock> unreadable = locks.stream().filter(l -> !l.isReadable()).findFirst();
                if (unreadable.isPresent() && !(lifting.isPresent() && acceptsLiftable)) {
                    return unknown(result, new Finding(entry.path(), unreadable.get().mode(), unknown));
                }
                Optional<ObjectLocks.ObjectLock> longest = locks.stream().filter(ObjectLocks.ObjectLock::isReadable)
                        .max(Comparator.comparing(ObjectLocks.ObjectLock::until));
                String before = spec.minRetention() == null ? "now" : "backup time + minRetention "
                        + spec.minRetention();
                if (lifting.isPresent()) {
                    locked++;
                    liftable++;
                    if (spec.required() && !acceptsLiftable) {
                        Optional<ObjectLocks.ObjectLock> shortBinding = locks.stream()
                                .filter(l -> l.isReadable() && !l.liftable()).findFirst();
                        String note = shortBinding.map(l -> " (its " + l.mode() + " lock ends " + shown(l.until())
                                + ", before " + needed + " (" + before + "))").orElse("");
                        ObjectLocks.ObjectLock lock = lifting.get();
                        result.finding(Finding.warn(entry.path(), lock.isLegalHold()
                                ? "kept only by a " + lock.mode() + note + ", which " + CLEARABLE
                                : "locked until " + shown(lock.until()) + " in " + lock.mode() + " mode" + note
                                        + ", which " + LIFTABLE));
                    }
                    continue;
                }
                unlocked++;
                if (spec.required()) {
                    result.finding(Finding.fail(entry.path(), longest.map(l -> "locked only until "
                            + shown(l.until()) + " (" + l.mode() + "), before " + needed + " (" + before + ")")
                            .orElse("not locked: it can be changed or deleted")));
                }
            }
        }
        result.metric("enforceable", true).metric("lockedFiles", locked).metric("unlockedFiles", unlocked)
                .metric("liftableLocks", liftable).metric("lockModes", List.copyOf(modes))
                .metric("modeAccepted", spec.mode().key());
        return result.summary(locked + " file" + (locked == 1 ? "" : "s") + " locked" + (modes.isEmpty() ? ""
                : " (" + String.join(", ", modes) + ")") + ", " + unlocked + " not").build();
    }
}
