package io.backupverify.engine.check;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.plan.IntegrityScope;
import io.backupverify.engine.plan.UnknownVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the posture checks (encryption, access, immutability, copies) share: which backups they look at. */
public final class PostureBackups {
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private PostureBackups() {
    }

    /**
     * The newest backup not dated in the future for {@code latest}, every backup for {@code all}; a backup dated
     * in the future that {@code latest} passes over is a WARN finding.
     */
    public static List<Backup> select(CheckContext context, IntegrityScope scope, CheckResult.Builder result) {
        if (scope == IntegrityScope.ALL) {
            return context.backups();
        }
        Instant latestPossible = context.now().plus(CLOCK_TOLERANCE);
        Backup newest = null;
        for (Backup backup : context.backups()) {
            if (backup.time().isAfter(latestPossible)) {
                result.finding(Finding.warn(backup.id(), "dated in the future (" + backup.time()
                        + "); not taken for the newest backup"));
            } else {
                newest = backup;
            }
        }
        return newest == null ? List.of() : List.of(newest);
    }

    /** The verdict for a question the store cannot answer. */
    public static Status verdictFor(UnknownVerdict unknown) {
        return unknown == UnknownVerdict.WARN ? Status.WARN : Status.ERROR;
    }
}
