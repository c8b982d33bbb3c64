package io.backupverify.engine.check.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.check.Progress;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
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
    void aMappedFileCutShortUnderTheReaderIsAnIoErrorNotACrash() throws Exception {
        Path file = Files.write(folder.resolve("shrinking.bin"), new byte[3 << 20]);
        try (FileChannel real = FileChannel.open(file); FileChannel cut = FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            FileChannel stale = new CutAfterMapping(real, cut);

            assertThatThrownBy(() -> new Digests(Progress.NONE, 64 << 10, 1 << 20)
                    .update(MessageDigest.getInstance("SHA-256"), stale))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("shrank while it was being read");
        }
    }

    /** A channel whose file another process cuts short right after it is mapped. */
    private static final class CutAfterMapping extends FileChannel {
        private final FileChannel real;
        private final FileChannel writer;

        CutAfterMapping(FileChannel real, FileChannel writer) {
            this.real = real;
            this.writer = writer;
        }

        @Override
        public long size() throws java.io.IOException {
            return real.size();
        }

        @Override
        public java.nio.MappedByteBuffer map(MapMode mode, long position, long length) throws java.io.IOException {
            java.nio.MappedByteBuffer mapped = real.map(mode, position, length);
            writer.truncate(4096);
            return mapped;
        }

        @Override
        public int read(java.nio.ByteBuffer dst) throws java.io.IOException {
            return real.read(dst);
        }

        @Override
        public long read(java.nio.ByteBuffer[] dsts, int offset, int length) throws java.io.IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int write(java.nio.ByteBuffer src) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long write(java.nio.ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws java.io.IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws java.io.IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public FileChannel truncate(long newSize) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void force(boolean metaData) {
        }

        @Override
        public long transferTo(long position, long count, java.nio.channels.WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(java.nio.channels.ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(java.nio.ByteBuffer dst, long position) throws java.io.IOException {
            return real.read(dst, position);
        }

        @Override
        public int write(java.nio.ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.nio.channels.FileLock lock(long position, long length, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.nio.channels.FileLock tryLock(long position, long length, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() {
        }
    }
}
