package io.backupverify.engine.check.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.plan.Percentage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SampleSelectorTest {
    @ParameterizedTest
    @CsvSource({"100%, 1", "50%, 2", "34%, 3", "33.3%, 4", "33.34%, 3", "10%, 10", "3%, 34", "0.5%, 200",
            "150%, 1"})
    void splitsIntoCeilingOfHundredOverNSlices(String sample, int slices) {
        assertThat(SampleSelector.slicesFor(Percentage.parse(sample))).isEqualTo(slices);
    }

    @Test
    void refusesZero() {
        assertThatThrownBy(() -> SampleSelector.slicesFor(new Percentage(0))).isInstanceOf(
                IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"10%, 0", "10%, 20397", "25%, 7", "3%, 1000000", "0.5%, 41"})
    void readsEveryFileExactlyOnceOverTConsecutiveRuns(String sample, long firstRun) {
        Percentage percentage = Percentage.parse(sample);
        int t = SampleSelector.slicesFor(percentage);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            files.add("dir-" + (i % 7) + "/file " + i + (i % 3 == 0 ? ".dump" : ".wal"));
        }
        Map<String, Integer> reads = new HashMap<>();
        for (long run = firstRun; run < firstRun + t; run++) {
            SampleSelector selector = SampleSelector.of(percentage, run);
            for (String file : files) {
                if (selector.selects(file)) {
                    reads.merge(file, 1, Integer::sum);
                }
            }
        }
        assertThat(reads).hasSize(files.size());
        assertThat(reads.values()).containsOnly(1);
    }

    @Test
    void slicesAreRoughlyEvenAndStable() {
        int[] counts = new int[10];
        for (int i = 0; i < 10_000; i++) {
            counts[SampleSelector.sliceOf("backup/file-" + i, 10)]++;
        }
        assertThat(java.util.Arrays.stream(counts).boxed()).allSatisfy(count -> assertThat(count).isBetween(850, 1150));
        assertThat(SampleSelector.sliceOf("orders.dump", 10)).isEqualTo(SampleSelector.sliceOf("orders.dump", 10));
    }

    @Test
    void namesTheSliceFromOne() {
        SampleSelector selector = SampleSelector.of(Percentage.parse("10%"), 32);

        assertThat(selector.sliceNumber()).isEqualTo(3);
        assertThat(selector.slices()).isEqualTo(10);
        assertThat(selector).hasToString("sample 3/10");
        assertThat(SampleSelector.of(Percentage.parse("100%"), 5).readsEverything()).isTrue();
    }

    @Test
    void readsAgainTheSlicesThePreviousRunFoundProblemsInWhenItCutTheFilesTheSameWay() {
        io.backupverify.engine.check.RecheckSlices previous = io.backupverify.engine.check.RecheckSlices.of(10,
                List.of(5, 3));
        SampleSelector selector = SampleSelector.of(Percentage.parse("10%"), 32, previous);
        String inFive = IntStream.range(0, 1000).mapToObj(i -> "f" + i)
                .filter(name -> SampleSelector.sliceOf(name, 10) == 4).findFirst().orElseThrow();

        assertThat(selector.selects(inFive)).isTrue();
        assertThat(selector.againNumbers()).containsExactly(5);
        assertThat(selector).hasToString("sample 3/10 and again 5/10, where the previous run found problems");
        assertThat(SampleSelector.of(Percentage.parse("20%"), 32, previous).selects(inFive))
                .as("five slices cut the files otherwise: the previous run's slice numbers do not apply")
                .isEqualTo(SampleSelector.sliceOf(inFive, 5) == 2);
        assertThat(previous.text()).isEqualTo("3,5");
        assertThat(io.backupverify.engine.check.RecheckSlices.recorded(
                io.backupverify.engine.check.Status.FAIL, 10L, "3,5")).isEqualTo(previous);
        assertThat(io.backupverify.engine.check.RecheckSlices.recorded(
                io.backupverify.engine.check.Status.PASS, 10L, "3,5").isEmpty()).isTrue();
    }
}
