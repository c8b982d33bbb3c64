package io.backupverify.engine.check.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunsTest {
    @Test
    void givesEachRowTheValueLastSetAtOrBeforeIt() {
        Runs runs = new Runs();
        int[] values = {3, 3, 3, 7, 7, 1, 3, 3, 9, 9, 9, 9, 2};
        for (int row = 0; row < values.length; row++) {
            runs.set(row, values[row]);
        }
        for (int row = 0; row < values.length; row++) {
            assertThat(runs.get(row)).as("row %d", row).isEqualTo(values[row]);
        }
        assertThat(runs.start(2)).isZero();
        assertThat(runs.start(4)).isEqualTo(3);
        assertThat(runs.start(11)).isEqualTo(8);
        assertThat(runs.start(12)).isEqualTo(12);
    }
}
