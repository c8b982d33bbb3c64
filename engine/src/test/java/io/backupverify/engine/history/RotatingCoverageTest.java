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
}
