package io.backupverify.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Metrics in reports for people: words and units, for metrics of any check, known or not. */
class MetricWordsTest {
    @Test
    void namesBecomeWordsWithoutTheirUnit() {
        assertThat(ReportFormats.metricLabel("growthBytesPerDay")).isEqualTo("growth");
        assertThat(ReportFormats.metricLabel("throughputBytesPerSecond")).isEqualTo("throughput");
        assertThat(ReportFormats.metricLabel("maxAgeSeconds")).isEqualTo("max age");
        assertThat(ReportFormats.metricLabel("daysUntilFull")).isEqualTo("until full");
        assertThat(ReportFormats.metricLabel("latestBackupTime")).isEqualTo("latest backup time");
        assertThat(ReportFormats.metricLabel("restoreRTOSeconds")).isEqualTo("restore RTO");
        assertThat(ReportFormats.metricLabel("files")).isEqualTo("files");
    }

    @Test
    void valuesCarryTheirUnit() {
        assertThat(ReportFormats.metric("growthBytesPerDay", 203_776L)).isEqualTo("199 KiB/day");
        assertThat(ReportFormats.metric("throughputBytesPerSecond", 3_250_586L)).isEqualTo("3.1 MiB/s");
        assertThat(ReportFormats.metric("maxAgeSeconds", 93_600L)).isEqualTo("26h");
        assertThat(ReportFormats.metric("usedPercent", 91.83)).isEqualTo("91.83%");
        assertThat(ReportFormats.metric("latestBackupTime", "2026-11-29T01:30:00Z")).isEqualTo("2026-11-29 01:30:00 UTC");
        assertThat(ReportFormats.metric("growthBytesPerDay", -1L)).isEqualTo("no estimate");
    }

    @Test
    void daysBeyondACenturyAreNotCounted() {
        assertThat(ReportFormats.metric("daysUntilFull", 1_079_252.0)).isEqualTo("not within 100 years");
        assertThat(ReportFormats.metric("daysUntilFull", 12.5)).isEqualTo("12.5 days");
        assertThat(ReportFormats.metric("daysUntilWarn", -1.0)).isEqualTo("no estimate");
    }
}
