package io.backupverify.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoverageKeysTest {
    private record Keyed(String key, int row) {
    }

    private static List<Keyed> read(CoverageKeys keys) {
        List<Keyed> read = new ArrayList<>();
        keys.forEach((String key, int row) -> read.add(new Keyed(key, row)));
        return read;
    }

    /** What the keys must read back as: sorted as the ledger sorts, equal keys in the order they came. */
    private static List<Keyed> expected(List<String> added) {
        List<Keyed> expected = new ArrayList<>();
        for (int row = 0; row < added.size(); row++) {
            expected.add(new Keyed(added.get(row), row));
        }
        expected.sort(Comparator.comparing(Keyed::key));
        return expected;
    }

    private static CoverageKeys keysOf(List<String> added) {
        CoverageKeys keys = new CoverageKeys();
        for (int row = 0; row < added.size(); row++) {
            keys.add(added.get(row), row);
        }
        return keys;
    }

    @Test
    void keysInAnyOrderReadBackSortedWithTheirRows() {
        String[] parts = {"a", "b/", "\u00e9", "\ud83d\ude00", "\uffee", "-", ".", "d000/f", "", "zz"};
        Random random = new Random(7);
        for (int round = 0; round < 30; round++) {
            List<String> added = new ArrayList<>();
            int count = random.nextInt(3000);
            for (int i = 0; i < count; i++) {
                StringBuilder key = new StringBuilder();
                for (int p = random.nextInt(6); p >= 0; p--) {
                    key.append(parts[random.nextInt(parts.length)]);
                }
                added.add(key.toString());
            }
            if (round % 3 == 1) {
                Collections.sort(added);
            } else if (round % 3 == 2) {
                // sorted runs, as backups that each list in order
                Collections.sort(added.subList(0, count / 3));
                Collections.sort(added.subList(count / 3, count));
            }

            CoverageKeys keys = keysOf(added);

            assertThat(read(keys)).as("round " + round).containsExactlyElementsOf(expected(added));
            assertThat(keys.size()).isEqualTo(count);
        }
    }

    @Test
    void aListingInOrderTakesAFewBytesAKey() {
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            added.add(String.format("d%03d/f%06d.dat", i / 1000, i));
        }

        CoverageKeys keys = keysOf(added);

        assertThat(keys.bytes()).isLessThan(10L * added.size());
        assertThat(read(keys)).containsExactlyElementsOf(expected(added));
    }

    @Test
    void aKeyListedTwiceIsVerifiedWhenEitherFileWas() {
        FileCoverage coverage = FileCoverage.of(keysOf(List.of("b", "a", "b", "c", "c")), row -> row == 2);

        assertThat(coverage.listed()).containsExactly("a", "b", "c");
        assertThat(coverage.verified()).isEqualTo(Set.of("b"));
    }
}
