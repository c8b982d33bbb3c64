package io.backupverify.engine.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.target.FixedUsageTarget;
import io.backupverify.engine.testing.BackupTree;
import io.backupverify.engine.testing.Plans;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary of a run the verifier really made, read back from its JSON report as the Jenkins plugin does. */
class BuildSummaryEndToEndTest {
    private static final Instant NOW = Instant.parse("2026-11-20T06:00:00Z");

    @TempDir
    Path dir;

    @Test
    void takesCountsAndCapacityFromARealRunAfterAJsonRoundTrip() throws Exception {
        BackupTree tree = new BackupTree(dir.resolve("orders"));
        tree.backup("orders-2026-11-19T0200", NOW.minusSeconds(28 * 3600), "orders.dump", "a".repeat(1000));
        tree.backup("orders-2026-11-20T0200", NOW.minusSeconds(4 * 3600), "orders.dump", "b".repeat(1000));
        String plan = """
                backupSets:
                  - name: orders-db
                    target: {type: local, path: orders}
                    layout: {kind: directory-per-backup, namePattern: "orders-{yyyy-MM-dd'T'HHmm}"}
                    checks:
                      freshness: {maxAge: 26h}
                      capacity: {}
                """;
        VerifyOptions options = VerifyOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        RunResult run = new Verifier(set -> FixedUsageTarget.reporting(dir.resolve("orders"), 300_000, 1_000_000))
                .verify(Plans.parse(plan, dir), options);
        RunResult readBack = new JsonReport().read(new StringReader(new JsonReport().toString(run)));

        BuildSummary summary = BuildSummary.of(readBack);

        assertThat(summary).isEqualTo(BuildSummary.of(run));
        assertThat(summary.status()).isEqualTo(Status.PASS);
        assertThat(summary.checkCounts()).containsEntry(Status.PASS, 2);
        assertThat(summary.capacity()).hasSize(1);
        CapacityFigure figure = summary.capacity().get(0);
        assertThat(figure).isEqualTo(new CapacityFigure(figure.target(), 300_000, 1_000_000, 30.0));
        assertThat(figure.target()).isEqualTo(run.sets().get(0).target());
    }
}
