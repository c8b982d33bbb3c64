package io.backupverify.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.audit.AuditResult;
import io.backupverify.engine.audit.Auditor;
import io.backupverify.engine.audit.CoverageStatement;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.testing.BackupTree;
import io.backupverify.engine.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger fed by real integrity runs with a rotating sample, and what the audit then says about coverage. */
class RotatingCoverageTest {
    private static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");
    private static final String PLAN = """
            backupSets:
              - name: orders
                target: { type: local, path: backups }
                layout: { kind: directory-per-backup, namePattern: "orders-{yyyy-MM-dd}" }
                checks:
                  integrity: { manifest: SHA256SUMS, sample: 25% }
            audit:
              coverage: { fullWithin: 10d }
            """;

    @TempDir
    Path dir;

    @Test
    void theLedgerRecordsWhatEachSampledRunVerifiedAndTheAuditNamesWhatWasNot() throws Exception {
        BackupTree tree = new BackupTree(dir.resolve("backups"));
        String[] files = new String[24];
        for (int i = 0; i < 12; i++) {
            files[2 * i] = "data/file-" + i + ".bin";
            files[2 * i + 1] = "content " + i;
        }
        tree.backup("orders-2026-11-16", NOW.minus(Duration.ofDays(4)), files);
        Plan plan = Plans.parse(PLAN, dir);
        RunHistory history = new RunHistory(dir.resolve("history"));

        // three of the four slices, one run a day
        for (int run = 0; run < 3; run++) {
            Instant at = NOW.minus(Duration.ofDays(3 - run));
            VerifyOptions options = VerifyOptions.defaults().withClock(Clock.fixed(at, ZoneOffset.UTC))
                    .withRunNumber(run);
            RunResult result = new Verifier().verify(plan, options);
            history.record(result, RunKind.VERIFY);
        }

        SetLedger ledger = history.ledger().read("orders").orElseThrow();
        assertThat(ledger.size()).isEqualTo(12);
        int never = ledger.notVerifiedSince(Instant.EPOCH.plusSeconds(1), 100).never();
        assertThat(never).isGreaterThan(0).isLessThan(12);
        AuditResult audit = new Auditor().audit(plan, history, NOW);
        CoverageStatement coverage = audit.coverage().get(0);
        assertThat(coverage.complete()).isFalse();
        assertThat(coverage.staleness().stale()).isEqualTo(never);
        assertThat(coverage.statement()).startsWith(never + " of the 12 listed files of orders were not read and "
                + "verified within the last 10d");

        // the fourth slice completes the rotation
        VerifyOptions last = VerifyOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withRunNumber(3);
        history.record(new Verifier().verify(plan, last), RunKind.VERIFY);
        AuditResult complete = new Auditor().audit(plan, history, NOW.plusSeconds(60));
        assertThat(complete.coverage().get(0).statement())
                .isEqualTo("Every one of the 12 listed files of orders was read and verified within the last 10d.");
        assertThat(Files.size(history.ledger().file("orders"))).isLessThan(200);
    }

    /**
     * A file verified last week and found changed by the latest run is not "verified within" anything: the ledger
     * forgets its older verification, whether the run is recorded here or carried from an agent.
     */
    @Test
    void aFileTheLatestRunFoundChangedIsNotCoveredByItsOlderVerification() throws Exception {
        BackupTree tree = new BackupTree(dir.resolve("backups"));
        Path backup = tree.backup("orders-2026-11-16", NOW.minus(Duration.ofDays(4)), "data/a.bin", "content a",
                "data/b.bin", "content b", "data/c.bin", "content c");
        Plan plan = Plans.parse(PLAN.replace(", sample: 25%", ""), dir);
        RunHistory history = new RunHistory(dir.resolve("history"));
        RunHistory carried = new RunHistory(dir.resolve("carried"));
        VerifyOptions first = VerifyOptions.defaults().withClock(Clock.fixed(NOW.minus(Duration.ofDays(3)),
                ZoneOffset.UTC));
        RunResult whole = new Verifier().verify(plan, first);
        history.record(whole, RunKind.VERIFY);
        carried.ledger().update(SetCoverage.of(whole), NOW.minus(Duration.ofDays(3)));

        Files.writeString(backup.resolve("data/b.bin"), "CONTENT b"); // same size, other bytes
        RunResult changed = new Verifier().verify(plan, VerifyOptions.defaults().withClock(Clock.fixed(NOW,
                ZoneOffset.UTC)));
        assertThat(changed.sets().get(0).checks()).filteredOn(check -> check.id().equals("integrity"))
                .singleElement().extracting(check -> check.status())
                .isEqualTo(io.backupverify.engine.check.Status.FAIL);
        history.record(changed, RunKind.VERIFY);
        CoverageTransfer.Carried transferred = CoverageTransfer.decode(CoverageTransfer.encode(NOW,
                SetCoverage.of(changed)));
        carried.ledger().update(transferred.coverages(), transferred.startedAt());

        for (RunHistory kept : java.util.List.of(history, carried)) {
            CoverageStatement coverage = new Auditor().audit(plan, kept, NOW.plusSeconds(60)).coverage().get(0);
            assertThat(coverage.complete()).isFalse();
            assertThat(coverage.statement()).startsWith("1 of the 3 listed files of orders were not read and "
                    + "verified within the last 10d").contains("data/b.bin").doesNotContain("data/a.bin");
        }
    }
}
