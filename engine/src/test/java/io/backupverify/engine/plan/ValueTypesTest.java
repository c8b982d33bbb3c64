package io.backupverify.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {
    @ParameterizedTest
    @CsvSource({"30s,30", "90m,5400", "26h,93600", "7d,604800", "2w,1209600", "26H,93600", " 5 m ,300"})
    void parsesDurations(String text, long seconds) {
        assertThat(DurationValue.parse(text).duration()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "26", "h", "-1h", "1.5h", "26 hours", "1y"})
    void rejectsBadDurations(String text) {
        assertThatThrownBy(() -> DurationValue.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a duration");
    }

    @Test
    void formatsDurationsShortly() {
        assertThat(DurationValue.format(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(DurationValue.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(DurationValue.format(Duration.ofHours(26).plusMinutes(5))).isEqualTo("26h 5m");
        assertThat(DurationValue.format(Duration.ofHours(79))).isEqualTo("3d 7h");
    }

    @ParameterizedTest
    @CsvSource({"20%,20", "0.5%,0.5", "100%,100", "0%,0"})
    void parsesPercentages(String text, double value) {
        assertThat(Percentage.parse(text).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20", "%", "x%", "-5%"})
    void rejectsBadPercentages(String text) {
        assertThatThrownBy(() -> Percentage.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"1024,1024", "1KiB,1024", "1kB,1000", "500MB,500000000", "2TiB,2199023255552",
            "1.5GiB,1610612736", "3 GB,3000000000"})
    void parsesSizes(String text, long bytes) {
        assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "lots", "-1GB", "1XB", "GB"})
    void rejectsBadSizes(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsSizes() {
        assertThat(ByteSize.format(17)).isEqualTo("17 B");
        assertThat(ByteSize.format(1536)).isEqualTo("1.5 KiB");
        assertThat(ByteSize.format(2L << 40)).isEqualTo("2.0 TiB");
        assertThat(ByteSize.format(300L << 20)).isEqualTo("300 MiB");
    }
}
