package io.backupverify.engine.check;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.plan.IntegrityScope;
import io.backupverify.engine.plan.UnknownVerdict;
import java.util.List;

/**
 * What the posture checks (encryption, access, immutability, copies) share: their ids, which backups they look
 * at, and the verdict for what a store cannot answer.
 */
public final class PostureChecks {
    /** The posture checks' ids, in the order reports show them. */
    public static final List<String> IDS = List.of("encryption", "access", "immutability", "copies");

    private PostureChecks() {
    }

    public static boolean isPosture(String checkId) {
        return IDS.contains(checkId);
    }

    /**
     * The newest backup (not dated in the future) for {@code latest}, every backup found for {@code all}. The
     * verifier names the backups {@code latest} passes over in every check's findings.
     */
    public static List<Backup> select(CheckContext context, IntegrityScope scope) {
        if (scope == IntegrityScope.ALL) {
            return context.allBackups();
        }
        return context.latest().map(List::of).orElse(List.of());
    }

    /** The verdict for a question the store cannot answer. */
    public static Status verdictFor(UnknownVerdict unknown) {
        return unknown == UnknownVerdict.WARN ? Status.WARN : Status.ERROR;
    }
}
