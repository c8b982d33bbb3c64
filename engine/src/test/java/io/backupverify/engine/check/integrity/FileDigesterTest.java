package io.backupverify.engine.check.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileDigesterTest {
    @Test
    void buffersFitTheFilesAndTheHeap() {
        long heap = Runtime.getRuntime().maxMemory();

        assertThat(FileDigester.bufferBytes(4096, 2)).isEqualTo(FileDigester.MIN_BUFFER_BYTES);
        assertThat(FileDigester.bufferBytes(200_000, 2)).isEqualTo(200_000);
        assertThat(FileDigester.bufferBytes(10L << 30, 1)).isEqualTo((int) Math.min(FileDigester.MAX_BUFFER_BYTES,
                heap / 8));
        assertThat((long) FileDigester.bufferBytes(10L << 30, 10_000) * 10_000)
                .isLessThanOrEqualTo(Math.max(heap / 8, (long) FileDigester.MIN_BUFFER_BYTES * 10_000));
    }
}
