package io.backupverify.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
    private final AtomicLong now = new AtomicLong();
    private final List<String> lines = new ArrayList<>();
    private final ProgressLines progress = new ProgressLines(lines::add, Duration.ofSeconds(10), now::get);

    private void at(long seconds) {
        now.set(Duration.ofSeconds(seconds).toNanos());
    }

    @Test
    void oneLineEveryIntervalNotOnePerFile() {
        at(0);
        progress.begin("orders-db", "integrity", 3_000, 3L * 1024 * 1024 * 1024);
        for (int second = 1; second <= 25; second++) {
            at(second);
            for (int file = 0; file < 100; file++) {
                progress.advance(1, 1024 * 1024);
            }
        }
        progress.end();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("orders-db/integrity: 901 of 3,000 files, 901 MiB of 3.0 GiB read (90.1 MiB/s)");
        assertThat(lines.get(1)).startsWith("orders-db/integrity: 1,901 of 3,000 files");
        assertThat(lines.get(2)).startsWith("orders-db/integrity: 2,500 of 3,000 files").endsWith(", done");
    }

    @Test
    void aQuickCheckWritesNothing() {
        at(0);
        progress.begin("media", "integrity", 2, 2048);
        at(3);
        progress.advance(2, 2048);
        progress.end();

        assertThat(lines).isEmpty();
    }
}
