package io.backupverify.engine.check.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LargestFirstTest {
    private static final long[] SIZES = {10, 300, 0, 300, 5L << 30, 7};

    @Test
    void oneThreadTakesTheLargestFirstAndEqualSizesInListOrder() throws InterruptedException {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        LargestFirst.run(places(new AtomicInteger()), at -> SIZES[at], 1, "test-reader", () -> done::add);
        assertThat(done).containsExactly(4, 1, 3, 0, 5, 2);
    }

    @Test
    void ordersBySizeWithoutBuildingTheItemsAndBuildsEachOnceToWorkOnIt() throws InterruptedException {
        AtomicInteger built = new AtomicInteger();
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        LargestFirst.run(places(built), at -> SIZES[at], 3, "test-reader", () -> done::add);
        assertThat(built).hasValue(SIZES.length);
        assertThat(done).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    }

    /** A list that builds its items (their places) when asked, counting how often. */
    private static List<Integer> places(AtomicInteger built) {
        return new AbstractList<>() {
            @Override
            public Integer get(int at) {
                built.incrementAndGet();
                return at;
            }

            @Override
            public int size() {
                return SIZES.length;
            }
        };
    }
}
