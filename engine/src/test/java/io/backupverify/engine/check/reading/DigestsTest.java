package io.backupverify.engine.check.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.check.Progress;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTest {
    @TempDir
    Path folder;

    @Test
    void mappedWindowByWindowAndStreamedGiveTheSameDigestAndProgress() throws Exception {
        byte[] content = new byte[(5 << 20) + 12345];
        new Random(7).nextBytes(content);
        Path file = Files.write(folder.resolve("data.bin"), content);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(content);
        AtomicLong reported = new AtomicLong();
        Progress progress = new Progress() {
            @Override
            public void advance(long files, long bytes) {
                reported.addAndGet(bytes);
            }
        };
        assertThat(Digests.canMap()).isTrue();

        MessageDigest mapped = MessageDigest.getInstance("SHA-256");
        try (FileChannel channel = FileChannel.open(file)) {
            assertThat(new Digests(progress, 64 << 10, 1 << 20).update(mapped, channel)).isEqualTo(content.length);
        }
        MessageDigest streamed = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(new Digests(progress, 64 << 10).update(streamed, in)).isEqualTo(content.length);
        }

        assertThat(mapped.digest()).isEqualTo(expected);
        assertThat(streamed.digest()).isEqualTo(expected);
        assertThat(reported.get()).isEqualTo(2L * content.length);
    }

    @Test
    void aRegionIsDigestedChunkByChunkAndItsProgressReportedInSteps() throws Exception {
        byte[] content = new byte[(int) Digests.PROGRESS_STEP + 5000];
        new Random(11).nextBytes(content);
        ByteBuffer region = ByteBuffer.allocateDirect(content.length).put(content).flip().asReadOnlyBuffer();
        List<Long> steps = new ArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void advance(long files, long bytes) {
                steps.add(bytes);
            }
        };
        MessageDigest digest = MessageDigest.getInstance("SHA-256");

        long unreported = new Digests(progress, 64 << 10, 1 << 20, 4096).update(digest, region, 100);

        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(steps).containsExactly(Digests.PROGRESS_STEP + 100);
        assertThat(unreported).isEqualTo(5000);
        assertThat(region.hasRemaining()).isFalse();
    }

    @Test
    void aMappedFileCutShortUnderTheReaderIsAnIoErrorNotACrash() throws Exception {
        Path file = Files.write(folder.resolve("shrinking.bin"), new byte[3 << 20]);
        try (FileChannel real = FileChannel.open(file); FileChannel cut = FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            FileChannel stale = new CutAfterMapping(real, cut, 4096);

            assertThatThrownBy(() -> new Digests(Progress.NONE, 64 << 10, 1 << 20)
                    .update(MessageDigest.getInstance("SHA-256"), stale))
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessage("the file shrank while it was being read (it was 3145728 bytes, now 4096)");
        }
    }

    @Test
    void aMappedFileCutShortAndWrittenAgainUnderTheReaderIsAnIoErrorThatSaysSo() throws Exception {
        Path file = Files.write(folder.resolve("rewritten.bin"), new byte[3 << 20]);
        try (FileChannel real = FileChannel.open(file); FileChannel cut = FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            FileChannel rewritten = new CutAfterMapping(real, cut, 4096, true);

            assertThatThrownBy(() -> new Digests(Progress.NONE, 64 << 10, 4 << 20)
                    .update(MessageDigest.getInstance("SHA-256"), rewritten))
                    .isInstanceOf(java.io.IOException.class).hasMessage("part of the file could not be read (it "
                            + "was cut short and written again while being read, or the disk could not read it)");
            assertThat(Files.size(file)).isEqualTo(3 << 20);
        }
    }
}
