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
import java.util.List;
import java.util.Optional;

/**
 * Whether the store keeps backups from being changed or deleted: a default lock on the store, and every file of
 * every backup locked until at least its backup time plus {@code minRetention}. A store that cannot lock (a local
 * folder, an SFTP server) cannot enforce immutability, which is never a pass.
 */
public final class ImmutabilityCheck implements Check {
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

    @Override
    public CheckResult run(CheckContext context) throws IOException {
        CheckResult.Builder result = CheckResult.builder(id());
        Target target = context.target();
        if (!(target instanceof ObjectLocks locks)) {
            if (spec.required()) {
                result.finding(new Finding(target.description(), "this kind of target cannot keep backups from "
                        + "being changed or deleted, so immutability cannot be enforced here; keep a copy on a store "
                        + "with object lock", PostureChecks.verdictFor(spec.unknown())));
            }
            return result.metric("enforceable", false).summary("immutability cannot be enforced on this target")
                    .build();
        }
        Status unknown = PostureChecks.verdictFor(spec.unknown());
        Optional<String> defaultLock;
        try {
            defaultLock = locks.defaultLock();
        } catch (UnansweredException e) {
            result.finding(new Finding(target.description(), e.getMessage(), unknown));
            return result.metric("enforceable", "unknown").summary("the store cannot tell whether it locks objects")
                    .build();
        }
        result.metric("defaultLock", defaultLock.orElse("none"));
        if (defaultLock.isEmpty() && spec.required()) {
            result.finding(Finding.fail(target.description(), "the store locks no new objects by default"));
        }
        List<Backup> backups = PostureChecks.select(context, IntegrityScope.ALL);
        long locked = 0;
        long unlocked = 0;
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
                Optional<Instant> until;
                try {
                    until = locks.lockedUntil(entry.path());
                } catch (UnansweredException e) {
                    result.finding(new Finding(entry.path(), e.getMessage(), unknown));
                    return result.metric("enforceable", "unknown").summary("the store cannot tell how long it "
                            + "locks objects").build();
                }
                if (until.isPresent() && !until.get().isBefore(needed)) {
                    locked++;
                } else {
                    unlocked++;
                    if (spec.required()) {
                        result.finding(Finding.fail(entry.path(), until.map(u -> "locked only until " + u
                                + ", before " + needed + " (" + (spec.minRetention() == null ? "now"
                                        : "backup time + minRetention " + spec.minRetention()) + ")")
                                .orElse("not locked: it can be changed or deleted")));
                    }
                }
            }
        }
        result.metric("enforceable", true).metric("lockedFiles", locked).metric("unlockedFiles", unlocked);
        return result.summary(locked + " file" + (locked == 1 ? "" : "s") + " locked, " + unlocked + " not").build();
    }
}
