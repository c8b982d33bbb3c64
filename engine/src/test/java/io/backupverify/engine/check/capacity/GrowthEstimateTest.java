package io.backupverify.engine.check.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrowthEstimateTest {
    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");

    private static SizedBackup at(int day, long bytes) {
        return new SizedBackup(T0.plus(Duration.ofDays(day)), bytes);
    }

    @Test
    void addsTheBytesOfEveryBackupAfterTheFirstPerDay() {
        GrowthEstimate growth = GrowthEstimate.of(List.of(at(0, 100), at(1, 110), at(2, 120), at(4, 130)))
                .orElseThrow();
        assertThat(growth.bytesPerDay()).isCloseTo(360 / 4.0, within(1e-9));
        assertThat(growth.sizeChangePerDay()).isCloseTo(30 / 4.0, within(1e-9));
        assertThat(growth.backups()).isEqualTo(4);
        assertThat(growth.span()).isEqualTo(Duration.ofDays(4));
    }

    @Test
    void needsTwoBackupsAtDifferentTimes() {
        assertThat(GrowthEstimate.of(List.of())).isEmpty();
        assertThat(GrowthEstimate.of(List.of(at(0, 100)))).isEmpty();
        assertThat(GrowthEstimate.of(List.of(at(0, 100), at(0, 100)))).isEmpty();
    }

    @Test
    void countsDaysUntilALimit() {
        GrowthEstimate growth = GrowthEstimate.of(List.of(at(0, 0), at(2, 200))).orElseThrow();
        assertThat(growth.bytesPerDay()).isEqualTo(100);
        assertThat(growth.daysUntil(500, 1000)).contains(5.0);
        assertThat(growth.daysUntil(1000, 1000)).contains(0.0);
        assertThat(growth.daysUntil(1200, 1000)).contains(0.0);
    }

    @Test
    void noGrowthNeverReachesALimit() {
        GrowthEstimate growth = GrowthEstimate.of(List.of(at(0, 0), at(2, 0))).orElseThrow();
        assertThat(growth.daysUntil(500, 1000)).isEmpty();
    }
}
