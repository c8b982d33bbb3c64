package io.backupverify.engine.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.testing.SampleRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryViewTest {
    private final RunSummaryView view = RunSummaryView.of(SampleRuns.mixed());

    @Test
    void givesTheVerdictAndAHeadline() {
        assertThat(view.getStatus()).isEqualTo("FAIL");
        assertThat(view.isPassed()).isFalse();
        assertThat(view.getHeadline()).isEqualTo("FAIL: 2 of 3 sets did not pass (1 FAIL, 1 WARN)");
    }

    @Test
    void givesTheVerdictPerSetInPlanOrder() {
        assertThat(view.getSets()).extracting(SetView::getName, SetView::getStatus).containsExactly(
                org.assertj.core.groups.Tuple.tuple("orders-db", "PASS"),
                org.assertj.core.groups.Tuple.tuple("media", "WARN"),
                org.assertj.core.groups.Tuple.tuple("ledger", "FAIL"));
        assertThat(view.getProblemSets()).extracting(SetView::getName).containsExactly("media", "ledger");
    }

    @Test
    void listsFailingChecksWithTheirFirstFindings() {
        SetView ledger = view.getSets().get(2);

        assertThat(ledger.getFailingChecks()).extracting(CheckView::getId).containsExactly("completeness");
        CheckView completeness = ledger.getFailingChecks().get(0);
        assertThat(completeness.getFindings()).hasSize(7);
        assertThat(completeness.getHeadFindings()).hasSize(CheckView.HEAD_FINDINGS)
                .first().extracting(FindingView::getItem, FindingView::getSeverity)
                .containsExactly("file-1.dat", "FAIL");
        assertThat(completeness.getMoreFindings()).isEqualTo(2);
    }

    @Test
    void ordersFailingChecksWorstFirst() {
        SetView set = RunSummaryView.of(SampleRuns.run(SampleRuns.set("s",
                SampleRuns.check("a", io.backupverify.engine.check.Status.WARN),
                SampleRuns.check("b", io.backupverify.engine.check.Status.ERROR),
                SampleRuns.check("c", io.backupverify.engine.check.Status.PASS)))).getSets().get(0);

        assertThat(set.getFailingChecks()).extracting(CheckView::getId).containsExactly("b", "a");
    }

    @Test
    void describesTheLatestBackup() {
        SetView orders = view.getSets().get(0);

        assertThat(orders.getLatestBackupId()).isEqualTo("orders-db-2026-11-20T0200");
        assertThat(orders.getLatestBackupTime()).isEqualTo("2026-11-20T02:00:00Z");
        assertThat(orders.getBackupCount()).isEqualTo(7);
    }

    @Test
    void countsPerStatusName() {
        assertThat(view.getCheckCounts()).containsExactly(java.util.Map.entry("PASS", 4),
                java.util.Map.entry("WARN", 1), java.util.Map.entry("FAIL", 1), java.util.Map.entry("ERROR", 0));
    }

    @Test
    void saysSoWhenNothingWasVerified() {
        assertThat(RunSummaryView.of(SampleRuns.run()).getHeadline()).isEqualTo("ERROR: no backup set was verified");
        assertThat(RunSummaryView.of(SampleRuns.run()).getSets()).isEqualTo(List.of());
    }
}
