package io.backupverify.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NamePatternTest {
    @Test
    void readsTheTimeFromTheName() {
        NamePattern pattern = NamePattern.compile("orders-{yyyy-MM-dd'T'HHmm}");

        assertThat(pattern.matches("orders-2026-11-26T0130")).isTrue();
        assertThat(pattern.timeOf("orders-2026-11-26T0130", ZoneOffset.UTC))
                .contains(Instant.parse("2026-11-26T01:30:00Z"));
        assertThat(pattern.matches("orders-2026-11-26")).isFalse();
        assertThat(pattern.matches("invoices-2026-11-26T0130")).isFalse();
        assertThat(pattern.matches("orders-2026-13-26T0130")).as("no 13th month").isFalse();
    }

    @Test
    void usesThePlanZoneForNamesWithoutOffset() {
        NamePattern pattern = NamePattern.compile("db-{yyyyMMdd-HHmm}.tar.gz");

        assertThat(pattern.timeOf("db-20260701-0200.tar.gz", ZoneId.of("Europe/Berlin")))
                .contains(Instant.parse("2026-07-01T00:00:00Z"));
    }

    @Test
    void honoursAnOffsetInTheName() {
        NamePattern pattern = NamePattern.compile("db-{yyyy-MM-dd'T'HH:mmXXX}");

        assertThat(pattern.timeOf("db-2026-07-01T02:00+02:00", ZoneOffset.UTC))
                .contains(Instant.parse("2026-07-01T00:00:00Z"));
    }

    @Test
    void datesWithoutTimeStartAtMidnight() {
        NamePattern pattern = NamePattern.compile("analytics-{yyyyMMdd}.tar.gz");

        assertThat(pattern.timeOf("analytics-20261123.tar.gz", ZoneOffset.UTC))
                .contains(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(pattern.matches("analytics-20261123.tar.gz.sha256")).isFalse();
    }

    @Test
    void supportsWildcardsAndPlainNames() {
        NamePattern any = NamePattern.compile("*");
        assertThat(any.matches("anything at all")).isTrue();
        assertThat(any.hasDate()).isFalse();
        assertThat(any.timeOf("anything", ZoneOffset.UTC)).isEmpty();

        NamePattern mixed = NamePattern.compile("host?-*-{yyyy-MM-dd}");
        assertThat(mixed.timeOf("host1-full-2026-01-31", ZoneOffset.UTC))
                .contains(Instant.parse("2026-01-31T00:00:00Z"));
        assertThat(mixed.matches("host12-full-2026-01-31")).isFalse();
    }

    @Test
    void quotesRegexCharacters() {
        NamePattern pattern = NamePattern.compile("a.b+(c)-{yyyy}");

        assertThat(pattern.matches("a.b+(c)-2026")).isTrue();
        assertThat(pattern.matches("aXb+(c)-2026")).isFalse();
    }

    @Test
    void rejectsBrokenPatterns() {
        assertThatThrownBy(() -> NamePattern.compile("x-{yyyy")).hasMessageContaining("without a closing");
        assertThatThrownBy(() -> NamePattern.compile("{yyyy}-{MM}")).hasMessageContaining("more than one");
        assertThatThrownBy(() -> NamePattern.compile("x-{bbbb}")).hasMessageContaining("invalid date pattern");
    }
}
