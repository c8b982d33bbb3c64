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

    /**
     * The previous run's named slices, this run's own included, answer for a file known then by another path: the
     * slice this run reads anyway holds other files under the new form of their paths.
     */
    @Test
    void tellsWhetherThePreviousRunNamedAFileByAnotherPath() {
        int named = SampleSelector.sliceOf("part-0", 10);
        SampleSelector selector = SampleSelector.of(Percentage.parse("10%"), named,
                io.backupverify.engine.check.RecheckSlices.of(10, List.of(named + 1)));
        String other = IntStream.range(0, 100).mapToObj(i -> "part-" + i)
                .filter(path -> SampleSelector.sliceOf(path, 10) != named).findFirst().orElseThrow();

        assertThat(selector.namedAny()).isTrue();
        assertThat(selector.namedBefore("part-0")).isTrue();
        assertThat(selector.namedBefore(other)).isFalse();
        assertThat(SampleSelector.of(Percentage.parse("10%"), named).namedAny()).isFalse();
        assertThat(SampleSelector.of(Percentage.parse("10%"), named).namedBefore("part-0")).isFalse();
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
                .as("five slices cut the files otherwise: the file is read again by the previous run's cut").isTrue();
        assertThat(previous.text()).isEqualTo("3,5");
        assertThat(io.backupverify.engine.check.RecheckSlices.recorded(
                io.backupverify.engine.check.Status.FAIL, 10L, "3,5")).isEqualTo(previous);
        assertThat(io.backupverify.engine.check.RecheckSlices.recorded(
                io.backupverify.engine.check.Status.PASS, 10L, "3,5").isEmpty()).isTrue();
    }

    /**
     * A recheck survives any change of the sample: whatever the new number of slices, every file in a slice the
     * previous run named (by its cut) is read, besides the new run's own slice, and no other file.
     */
    @ParameterizedTest(name = "named in a cut of {0}, read with a sample of {1} ({2} slices)")
    @CsvSource({"10, 25%, 4", "4, 10%, 10", "2, 33.34%, 3", "3, 50%, 2", "10, 0.5%, 200", "200, 10%, 10",
            "7, 14.3%, 7"})
    void theSlicesToReadAgainAreReadWhateverTheNewCut(int before, String newSample, int after) {
        io.backupverify.engine.check.RecheckSlices previous = io.backupverify.engine.check.RecheckSlices.of(before,
                List.of(1, before));
        Percentage sample = Percentage.parse(newSample);
        for (long runNumber = 0; runNumber < Math.min(after, 12); runNumber++) {
            SampleSelector selector = SampleSelector.of(sample, runNumber, previous);
            assertThat(selector.slices()).isEqualTo(after);
            for (int i = 0; i < 2000; i++) {
                String name = "dir/file-" + i;
                int old = SampleSelector.sliceOf(name, before) + 1;
                boolean own = SampleSelector.sliceOf(name, after) == runNumber % after;
                assertThat(selector.selects(name)).as(name + " in slice " + old + "/" + before)
                        .isEqualTo(own || old == 1 || old == before);
            }
        }
    }

    /** A run that read everything and found a problem asks a later sampled run to read everything again. */
    @Test
    void aRecheckNamedByARunThatReadEverythingReadsEverything() {
        SampleSelector selector = SampleSelector.of(Percentage.parse("10%"), 3,
                io.backupverify.engine.check.RecheckSlices.of(1, List.of(1)));

        assertThat(IntStream.range(0, 500).mapToObj(i -> "f" + i).allMatch(selector::selects)).isTrue();
        assertThat(selector).hasToString("sample 4/10 and again everything, where the previous run found problems");
        assertThat(selector.againSlices()).isEqualTo(1);
    }

    /**
     * The metric names runs of slices as ranges and, when failures are spread over so many slices that the list would
     * be longer than the history keeps, every slice: reading more, never dropping the list.
     */
    @Test
    void theMetricIsShortAndNeverLosesASlice() {
        var ranges = io.backupverify.engine.check.RecheckSlices.of(100, List.of(1, 2, 3, 4, 7, 9, 10, 40));
        assertThat(ranges.text()).isEqualTo("1-4,7,9,10,40");
        assertThat(io.backupverify.engine.check.RecheckSlices.recorded(io.backupverify.engine.check.Status.FAIL, 100L,
                ranges.text())).isEqualTo(ranges);
        assertThat(io.backupverify.engine.check.RecheckSlices.decode(ranges.encode())).isEqualTo(ranges);

        List<Integer> spread = IntStream.rangeClosed(1, 100_000).filter(n -> n % 7 == 0).boxed().toList();
        var many = io.backupverify.engine.check.RecheckSlices.of(100_000, spread);
        assertThat(many.text()).isEqualTo("1-100000");
        var read = io.backupverify.engine.check.RecheckSlices.recorded(io.backupverify.engine.check.Status.FAIL,
                100_000L, many.text());
        assertThat(read.numbers()).hasSize(100_000).containsAll(spread);
    }
}
