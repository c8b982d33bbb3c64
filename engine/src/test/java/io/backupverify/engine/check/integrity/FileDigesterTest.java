package io.backupverify.engine.check.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.check.reading.ReadBuffers;
import io.backupverify.engine.checksum.ChecksumAlgorithm;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.ForwardingTarget;
import io.backupverify.engine.target.LocalTarget;
import io.backupverify.engine.target.Target;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigesterTest {
    private static final Backup BACKUP = new Backup("b", "b", Instant.EPOCH, "name", true, 0);

    @TempDir
    Path folder;

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

    @Test
    void aFileWhoseReadFailedHalfwayLeavesNothingInTheDigestOfTheNextFile() throws Exception {
        byte[] content = new byte[300_000];
        new Random(5).nextBytes(content);
        Files.createDirectories(folder.resolve("b"));
        Files.write(folder.resolve("b/broken.bin"), content);
        Files.write(folder.resolve("b/good.bin"), content);
        Files.write(folder.resolve("b/big.bin"), new byte[3 << 20]);
        Target target = new ForwardingTarget(new LocalTarget(folder)) {
            @Override
            public InputStream open(String path) throws IOException {
                InputStream in = super.open(path);
                if (!path.endsWith("broken.bin")) {
                    return in;
                }
                // The disk fails after the first 100,000 bytes.
                return new FilterInputStream(in) {
                    private long read;

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        if (read >= 100_000) {
                            throw new IOException("Input/output error");
                        }
                        int step = super.read(buffer, offset, (int) Math.min(length, 100_000 - read));
                        read += Math.max(0, step);
                        return step;
                    }
                };
            }
        };
        FileDigester digester = new FileDigester(target, Progress.NONE, 64 << 10);
        byte[] expected = ChecksumAlgorithm.SHA256.newDigest().digest(content);

        assertThatThrownBy(() -> digester.digest(file("b/broken.bin", content.length, expected)))
                .hasMessage("Input/output error");
        FileDigester.Digest good = digester.digest(file("b/good.bin", content.length, expected));
        FileDigester.Digest mapped = digester.digest(file("b/big.bin", 3 << 20, expected));

        assertThat(good.value()).isEqualTo(expected);
        assertThat(good.bytes()).isEqualTo(content.length);
        assertThat(mapped.value()).isEqualTo(ChecksumAlgorithm.SHA256.newDigest().digest(new byte[3 << 20]));
        assertThat(digester.digest(file("b/good.bin", content.length, expected)).value()).isEqualTo(expected);
    }

    private static ExpectedFile file(String path, long size, byte[] digest) {
        Entry entry = Entry.file(path, size, Instant.EPOCH);
        return new ExpectedFile(BACKUP, entry, entry, ChecksumAlgorithm.SHA256, digest, "SHA256SUMS", 1, path, 0);
    }
}
