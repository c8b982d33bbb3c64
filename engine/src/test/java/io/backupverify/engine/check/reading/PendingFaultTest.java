package io.backupverify.engine.check.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingFaultTest {
    /** More calls than HotSpot needs to compile a method with C2, so that every tier's allocation is exercised. */
    private static final int CALLS = 40_000;
    private static final int FAULTS = 300;

    @TempDir
    Path folder;

    @Test
    void withNothingPendingItThrowsNothing() {
        assertThatCode(() -> {
            for (int i = 0; i < CALLS; i++) {
                PendingFault.deliver(i);
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void aFaultOfAnEarlierMappedReadIsThrownAtTheLatestWhereItIsAskedForAndThenNoMore() throws Exception {
        for (int i = 0; i < CALLS; i++) {
            PendingFault.deliver(i);
        }
        Path file = folder.resolve("cut.bin");
        byte[] chunk = new byte[4096];
        for (int i = 0; i < FAULTS; i++) {
            Files.write(file, new byte[3 * 4096]);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, 3 * 4096);
                channel.truncate(0);

                Throwable thrown = catchThrowable(() -> {
                    mapped.get(chunk);
                    PendingFault.deliver(System.nanoTime());
                });

                assertThat(thrown).as("fault %d", i).isInstanceOf(InternalError.class);
                assertThatCode(() -> PendingFault.deliver(System.nanoTime())).doesNotThrowAnyException();
                Unmapper.unmap(mapped);
            }
        }
    }
}
