package io.backupverify.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatsTest {

    @Test
    void longListsAndMapsAreCountedNotPrinted() {
        java.util.List<Integer> many = java.util.stream.IntStream.range(0, 1000).boxed().toList();

        assertThat(ReportFormats.metric("durations", many)).isEqualTo("1000 entries (listed in the JSON report)");
        assertThat(ReportFormats.metric("tiers", java.util.Map.of("daily", 7))).isEqualTo("{daily=7}");
        assertThat(ReportFormats.metric("tiers", java.util.Map.of("daily", java.util.Map.of("covered", 7))))
                .isEqualTo("1 entry (listed in the JSON report)");
        assertThat(ReportFormats.metric("durations", java.util.List.of(java.util.Map.of("backup", "b1"))))
                .isEqualTo("1 entry (listed in the JSON report)");
        assertThat(ReportFormats.metric("slices", java.util.List.of(1, 2))).isEqualTo("[1, 2]");
    }

    @Test
    void secondsAreDecimalWithADotAndNoGrouping() {
        assertThat(ReportFormats.seconds(0)).isEqualTo("0.000");
        assertThat(ReportFormats.seconds(7)).isEqualTo("0.007");
        assertThat(ReportFormats.seconds(2_250)).isEqualTo("2.250");
        assertThat(ReportFormats.seconds(1_234_567)).isEqualTo("1234.567");
    }

    @Test
    void millisBelowASecondStayMillis() {
        assertThat(ReportFormats.millis(850)).isEqualTo("850 ms");
        assertThat(ReportFormats.millis(72_500)).isEqualTo("72s");
        assertThat(ReportFormats.millis(3 * 3_600_000L + 5 * 60_000)).isEqualTo("3h 5m");
    }

    @Test
    void negativeCountsAndSizesAreUnknown() {
        assertThat(ReportFormats.bytes(-1)).isEqualTo("unknown");
        assertThat(ReportFormats.count(-1)).isEqualTo("unknown");
        assertThat(ReportFormats.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(ReportFormats.count(1234567)).isEqualTo("1,234,567");
    }

    @Test
    void timesAreUtc() {
        assertThat(ReportFormats.time(Instant.parse("2026-11-26T07:09:21.5Z"))).isEqualTo("2026-11-26 07:09:21 UTC");
        assertThat(ReportFormats.time(null)).isEqualTo("unknown");
    }

    @Test
    void metricsAreFormattedByName() {
        assertThat(ReportFormats.metric("verifiedBytes", 1_073_741_824L)).isEqualTo("1.0 GiB");
        assertThat(ReportFormats.metric("durationMs", 420L)).isEqualTo("420 ms");
        assertThat(ReportFormats.metric("verifiedFiles", 2_000)).isEqualTo("2,000");
        assertThat(ReportFormats.metric("ratio", 0.25)).isEqualTo("0.25");
        assertThat(ReportFormats.metric("missing", List.of("a", "b"))).isEqualTo("[a, b]");
        assertThat(ReportFormats.metric("sampled", true)).isEqualTo("true");
    }
}
