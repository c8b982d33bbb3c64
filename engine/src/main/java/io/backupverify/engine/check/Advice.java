package io.backupverify.engine.check;

import io.backupverify.engine.backup.Backup;
import java.util.List;
import java.util.Optional;

/** Advice every check can give, and the step that gives every FAIL and ERROR finding its line of advice. */
public final class Advice {
    private Advice() {
    }

    /** Advice for a finding of any check. */
    public static String general(Finding finding) {
        if (finding.item().equals("(none)")) {
            return "no backup was found where the plan looks: check the target and namePattern, and that the "
                    + "backup job runs";
        }
        if (finding.severity() == Status.ERROR) {
            return "fix what stopped the check (above) and run it again; until then nothing about this is proven";
        }
        return "fix the cause above, then run the verification again; until it passes, do not rely on this backup";
    }

    /** Advice for a file or backup that is damaged: where a good copy may be, and what to check. */
    public static String restoreFrom(CheckContext context, Backup damaged) {
        Optional<Backup> before = before(context.backups(), damaged);
        String where = before.map(b -> "restore what is needed from " + b.id() + ", the backup before (verify it "
                + "first), ").orElse("no earlier backup holds a copy: take a new backup now, ");
        return where + "and check the storage and the backup job for faults";
    }

    private static Optional<Backup> before(List<Backup> backups, Backup backup) {
        int at = backups.indexOf(backup);
        return at > 0 ? Optional.of(backups.get(at - 1)) : Optional.empty();
    }

    /** The result with advice on every FAIL and ERROR finding that has none. */
    public static CheckResult addTo(CheckResult result, Check check, CheckContext context) {
        if (!needsAdvice(result.findings())) {
            return result;
        }
        List<Finding> advised = result.findings().stream()
                .map(f -> f.isProblem() && f.advice() == null ? f.withAdvice(adviceOf(check, f, context)) : f)
                .toList();
        return result.withFindingsReplaced(advised);
    }

    /** Whether a problem lacks advice; a loop, as this runs after every check, mostly over no findings at all. */
    private static boolean needsAdvice(List<Finding> findings) {
        for (Finding finding : findings) {
            if (finding.isProblem() && finding.advice() == null) {
                return true;
            }
        }
        return false;
    }

    private static String adviceOf(Check check, Finding finding, CheckContext context) {
        try {
            String text = check.advice(finding, context);
            return text == null || text.isBlank() ? general(finding) : text;
        } catch (RuntimeException e) {
            return general(finding);
        }
    }
}
