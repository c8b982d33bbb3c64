package io.backupverify.engine.check.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.Percentage;
import org.junit.jupiter.api.Test;

class UsageThresholdsTest {
    private static final UsageThresholds DEFAULTS = new UsageThresholds(new Percentage(80), new Percentage(95));

    @Test
    void usageExactlyAtWarnAtWarns() {
        assertThat(DEFAULTS.rate(80, 100)).isEqualTo(Status.WARN);
        assertThat(DEFAULTS.rate(79, 100)).isEqualTo(Status.PASS);
        assertThat(DEFAULTS.rate(799_999_999_999L, 1_000_000_000_000L)).isEqualTo(Status.PASS);
        assertThat(DEFAULTS.rate(800_000_000_000L, 1_000_000_000_000L)).isEqualTo(Status.WARN);
    }

    @Test
    void usageExactlyAtFailAtFails() {
        assertThat(DEFAULTS.rate(95, 100)).isEqualTo(Status.FAIL);
        assertThat(DEFAULTS.rate(949_999, 1_000_000)).isEqualTo(Status.WARN);
        assertThat(DEFAULTS.rate(100, 100)).isEqualTo(Status.FAIL);
        assertThat(DEFAULTS.rate(150, 100)).isEqualTo(Status.FAIL);
    }

    @Test
    void fractionalPercentagesAreExact() {
        UsageThresholds thresholds = new UsageThresholds(Percentage.parse("80.5%"), Percentage.parse("99.9%"));
        assertThat(thresholds.rate(805, 1000)).isEqualTo(Status.WARN);
        assertThat(thresholds.rate(804, 1000)).isEqualTo(Status.PASS);
        assertThat(thresholds.rate(999, 1000)).isEqualTo(Status.FAIL);
        assertThat(thresholds.rate(998, 1000)).isEqualTo(Status.WARN);
    }

    @Test
    void equalThresholdsFail() {
        UsageThresholds same = new UsageThresholds(new Percentage(90), new Percentage(90));
        assertThat(same.rate(90, 100)).isEqualTo(Status.FAIL);
        assertThat(same.rate(89, 100)).isEqualTo(Status.PASS);
    }

    @Test
    void hugeFiguresDoNotOverflow() {
        long total = Long.MAX_VALUE / 2;
        assertThat(DEFAULTS.rate(total, total)).isEqualTo(Status.FAIL);
        assertThat(DEFAULTS.rate(total / 2, total)).isEqualTo(Status.PASS);
    }

    @Test
    void limitsRoundUpToWholeBytes() {
        assertThat(UsageThresholds.limit(1000, new Percentage(80))).isEqualTo(800);
        assertThat(UsageThresholds.limit(999, new Percentage(80))).isEqualTo(800);
        assertThat(UsageThresholds.reaches(800, 999, new Percentage(80))).isTrue();
        assertThat(UsageThresholds.reaches(799, 999, new Percentage(80))).isFalse();
    }
}
