package io.backupverify.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Status colours meet WCAG AA for normal text (contrast at least 4.5:1), so the report reads for everyone. */
class StatusStyleTest {
    private static final double AA_NORMAL_TEXT = 4.5;

    @ParameterizedTest
    @EnumSource(StatusStyle.class)
    void whiteTextOnTheVerdictColourIsReadable(StatusStyle style) {
        assertThat(contrast("#ffffff", style.strong())).isGreaterThanOrEqualTo(AA_NORMAL_TEXT);
    }

    @ParameterizedTest
    @EnumSource(StatusStyle.class)
    void badgeTextOnItsTintIsReadable(StatusStyle style) {
        assertThat(contrast(style.strong(), style.tint())).isGreaterThanOrEqualTo(AA_NORMAL_TEXT);
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void everyStatusHasAStyleAndWords(Status status) {
        StatusStyle style = StatusStyle.of(status);
        assertThat(style.name()).isEqualTo(status.name());
        assertThat(style.headline()).isNotBlank();
        assertThat(style.explanation()).endsWith(".");
    }

    @Test
    void theContrastFormulaMatchesKnownValues() {
        assertThat(contrast("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast("#777777", "#ffffff")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
    }

    /** The WCAG 2 contrast ratio of two sRGB colours written {@code #rrggbb}. */
    private static double contrast(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
