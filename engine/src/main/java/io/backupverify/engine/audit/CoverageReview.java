package io.backupverify.engine.audit;

import io.backupverify.engine.history.CoverageSource;
import io.backupverify.engine.history.SetLedger;
import io.backupverify.engine.plan.BackupSetSpec;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Coverage against {@code fullWithin}: from the coverage ledger, whether every file a set's integrity check lists
 * was read and verified within that time, naming the ones that were not. A set without an integrity check is named as
 * not tracked.
 */
final class CoverageReview {
    static final int NAMED = 10;

    private final Period period;
    private final CoverageSource ledger;
    private final FindingList findings;

    CoverageReview(Period period, CoverageSource ledger, FindingList findings) {
        this.period = period;
        this.ledger = ledger;
        this.findings = findings;
    }

    List<CoverageStatement> review() {
        List<CoverageStatement> statements = new ArrayList<>();
        String within = period.spec().fullWithin().toString();
        Instant cutoff = period.end().minus(period.spec().fullWithin().duration());
        for (BackupSetSpec set : period.plan().backupSets()) {
            String name = set.name();
            if (set.checks().integrity() == null) {
                // said, so that a coverage statement never reads as if it spoke for every set of the plan
                statements.add(new CoverageStatement(name, null, name + " has no integrity check, so none of its "
                        + "files is read against a checksum manifest and its coverage is not tracked."));
                continue;
            }
            Optional<SetLedger> found;
            try {
                found = ledger == null ? Optional.empty() : ledger.read(name);
            } catch (IOException e) {
                statements.add(new CoverageStatement(name, null, "The coverage ledger of " + name
                        + " could not be read, so its coverage is not known."));
                findings.add(Severity.WARNING, "coverage", name, "Coverage of " + name + " is unknown: its ledger "
                        + "is damaged", List.of(e.getMessage()), "Move the damaged ledger aside; the next verify "
                        + "runs with --history rebuild it, and full coverage is known again after one rotation.");
                continue;
            }
            if (found.isEmpty() || found.get().size() == 0) {
                statements.add(new CoverageStatement(name, null, "No coverage ledger was recorded for " + name
                        + ", so the audit cannot say which of its files were read."));
                findings.add(Severity.INFO, "coverage", name, "No coverage ledger for " + name,
                        List.of("no files recorded under the history's coverage folder"),
                        "Record verify runs with --history so that each file's last verification is kept.");
                continue;
            }
            SetLedger.Staleness stale = found.get().notVerifiedSince(cutoff, NAMED);
            if (stale.stale() == 0) {
                statements.add(new CoverageStatement(name, stale, "Every one of the " + stale.files()
                        + " listed files of " + name + " was read and verified within the last " + within + "."));
                continue;
            }
            String statement = stale.stale() + " of the " + stale.files() + " listed files of " + name
                    + " were not read and verified within the last " + within + (stale.never() > 0 ? " ("
                            + stale.never() + " never verified, or found changed when last read)" : "") + ": " + String.join(", ", stale.examples())
                    + (stale.stale() > stale.examples().size() ? ", \u2026" : "");
            statements.add(new CoverageStatement(name, stale, statement));
            List<String> evidence = new ArrayList<>();
            evidence.add("ledger updated " + AuditText.time(found.get().updatedAt()));
            if (stale.oldest() != null) {
                evidence.add("oldest verification among them: " + AuditText.time(stale.oldest()));
            }
            evidence.add("not covered: " + String.join(", ", stale.examples()));
            findings.add(Severity.WARNING, "coverage", name, stale.stale() + " of " + stale.files() + " files of "
                    + name + " were not verified within " + within, evidence, "Raise the integrity sample of "
                    + name + " or run the verification more often, so that the rotation reads every file within "
                    + within + "; files never verified may be unreadable or fail their checksum: look at the "
                    + "latest integrity findings.");
        }
        return statements;
    }
}
