package io.backupverify.engine.summary;

import static io.backupverify.engine.testing.SampleRuns.capacity;
import static io.backupverify.engine.testing.SampleRuns.check;
import static io.backupverify.engine.testing.SampleRuns.integrity;
import static io.backupverify.engine.testing.SampleRuns.run;
import static io.backupverify.engine.testing.SampleRuns.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.testing.SampleRuns;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildSummaryTest {
    @Test
    void countsSetsAndChecksPerStatus() {
        BuildSummary summary = BuildSummary.of(SampleRuns.mixed());

        assertThat(summary.status()).isEqualTo(Status.FAIL);
        assertThat(summary.setCounts()).containsExactly(Map.entry(Status.PASS, 1), Map.entry(Status.WARN, 1),
                Map.entry(Status.FAIL, 1), Map.entry(Status.ERROR, 0));
        assertThat(summary.checkCounts()).containsEntry(Status.PASS, 4).containsEntry(Status.FAIL, 1);
        assertThat(summary.setTotal()).isEqualTo(3);
        assertThat(summary.checkTotal()).isEqualTo(6);
        assertThat(summary.setSuccessPercent()).isCloseTo(33.33, within(0.01));
        assertThat(summary.checkSuccessPercent()).isCloseTo(66.67, within(0.01));
    }

    @Test
    void sumsWhatIntegrityVerified() {
        BuildSummary summary = BuildSummary.of(SampleRuns.mixed());

        assertThat(summary.verifiedBytes()).isEqualTo(3_500);
        assertThat(summary.verifiedFiles()).isEqualTo(35);
    }

    @Test
    void takesCapacityPerTargetFromTheCapacityCheck() {
        RunResult result = run(set("a", check("freshness", Status.PASS), capacity(600, 1000, 60.0)),
                set("b", capacity(250, 1000, null)));

        assertThat(BuildSummary.of(result).capacity()).containsExactly(
                new CapacityFigure("local:/backups/a", 600, 1000, 60.0),
                new CapacityFigure("local:/backups/b", 250, 1000, 25.0));
    }

    @Test
    void countsASharedTargetOnce() {
        SetResult first = set("a", capacity(600, 1000, 60));
        SetResult second = new SetResult("b", first.target(), null, 0, List.of(capacity(600, 1000, 60)));

        assertThat(BuildSummary.of(run(first, second)).capacity()).hasSize(1);
    }

    @Test
    void toleratesAbsentAndMalformedMetrics() {
        CheckResult odd = CheckResult.builder("capacity").metric("usedBytes", "n/a").build();
        CheckResult noTotal = CheckResult.builder("capacity").metric("usedBytes", 42).build();
        CheckResult brokenIntegrity = CheckResult.builder("integrity").status(Status.ERROR)
                .metric("verifiedBytes", -5).metric("verifiedFiles", Double.NaN).build();
        RunResult result = run(set("a", odd), set("b", noTotal, brokenIntegrity), set("c", check("x", Status.PASS)));

        BuildSummary summary = BuildSummary.of(result);

        assertThat(summary.capacity()).containsExactly(new CapacityFigure("local:/backups/b", 42, 0, 0));
        assertThat(summary.verifiedBytes()).isZero();
        assertThat(summary.verifiedFiles()).isZero();
    }

    @Test
    void aRunWithoutSetsIsAnErrorWithZeroRates() {
        BuildSummary summary = BuildSummary.of(run());

        assertThat(summary.status()).isEqualTo(Status.ERROR);
        assertThat(summary.setSuccessPercent()).isZero();
        assertThat(summary.checkSuccessPercent()).isZero();
    }

    @Test
    void fillsMissingStatusesWithZero() {
        BuildSummary summary = new BuildSummary(Status.PASS, Map.of(Status.PASS, 2), Map.of(), 0, 0, List.of());

        assertThat(summary.setCounts()).hasSize(4).containsEntry(Status.ERROR, 0);
        assertThat(summary.checkTotal()).isZero();
    }
}
