package io.backupverify.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearFitTest {
    @Test
    void fitsAnExactLine() {
        LinearFit fit = LinearFit.of(new double[] {0, 1, 2, 3}, new double[] {5, 7, 9, 11}).orElseThrow();

        assertThat(fit.slope()).isEqualTo(2.0);
        assertThat(fit.intercept()).isEqualTo(5.0);
        assertThat(fit.r2()).isEqualTo(1.0);
        assertThat(fit.whenReaches(25)).isEqualTo(10.0);
        assertThat(fit.quality()).isEqualTo("good");
    }

    @Test
    void measuresHowWellANoisyLineFits() {
        LinearFit fit = LinearFit.of(new double[] {0, 1, 2, 3}, new double[] {1, 0, 3, 2}).orElseThrow();

        // mean x 1.5, mean y 1.5; sxx 5, sxy 3, syy 5: slope 0.6, intercept 0.6, r² 9/25
        assertThat(fit.slope()).isCloseTo(0.6, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(0.6, within(1e-12));
        assertThat(fit.r2()).isCloseTo(0.36, within(1e-12));
        assertThat(fit.quality()).isEqualTo("poor");
    }

    @Test
    void noFitWithoutTwoDistinctXs() {
        assertThat(LinearFit.of(new double[] {1}, new double[] {1})).isEmpty();
        assertThat(LinearFit.of(new double[] {2, 2}, new double[] {1, 3})).isEmpty();
    }
}
