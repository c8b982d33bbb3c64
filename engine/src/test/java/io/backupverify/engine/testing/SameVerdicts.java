package io.backupverify.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import java.util.Map;
import java.util.TreeMap;

/** Asserts that two runs of a check told the same: status, summary, findings with advice, and figures. */
public final class SameVerdicts {
    private SameVerdicts() {
    }

    /** Everything but the read speed and the duration, which differ from run to run. */
    public static void assertSame(CheckResult actual, CheckResult expected) {
        String check = actual.id();
        assertThat(actual.status()).as(check).isEqualTo(expected.status());
        assertThat(withoutSpeed(actual.summary())).as(check).isEqualTo(withoutSpeed(expected.summary()));
        assertThat(actual.findings()).as(check).map(SameVerdicts::text)
                .containsExactlyElementsOf(expected.findings().stream().map(SameVerdicts::text).toList());
        assertThat(figures(actual)).as(check).isEqualTo(figures(expected));
    }

    private static String withoutSpeed(String summary) {
        return summary == null ? null : summary.replaceAll(" at [0-9.]+ [KMGT]?i?B/s", "");
    }

    private static String text(Finding finding) {
        return finding.severity() + " " + finding.item() + ": " + finding.message() + " / " + finding.advice();
    }

    private static Map<String, Object> figures(CheckResult result) {
        Map<String, Object> figures = new TreeMap<>(result.metrics());
        figures.remove("durationMs");
        figures.remove("throughputBytesPerSecond");
        return figures;
    }
}
