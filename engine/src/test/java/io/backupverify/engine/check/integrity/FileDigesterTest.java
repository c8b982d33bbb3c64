package io.backupverify.engine.check.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.reading.ReadBuffers;
import org.junit.jupiter.api.Test;

class FileDigesterTest {
    @Test
    void buffersFitTheFilesAndTheHeap() {
        long heap = Runtime.getRuntime().maxMemory();

        assertThat(FileDigester.bufferBytes(4096, 2)).isEqualTo(ReadBuffers.MIN_BYTES);
        assertThat(FileDigester.bufferBytes(200_000, 2)).isEqualTo(200_000);
        assertThat(FileDigester.bufferBytes(10L << 30, 1)).isEqualTo((int) Math.min(ReadBuffers.MAX_BYTES,
                heap / 8));
        assertThat((long) FileDigester.bufferBytes(10L << 30, 10_000) * 10_000)
                .isLessThanOrEqualTo(Math.max(heap / 8, (long) ReadBuffers.MIN_BYTES * 10_000));
    }
}
