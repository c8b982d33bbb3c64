package io.backupverify.engine.check.readable;

import static io.backupverify.engine.check.readable.ReadableArea.shell;
import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump whose space was reserved but whose data never reached the disk (a copy tool that preallocates and was
 * interrupted, a crash before the data was written) holds nothing but zero bytes. No backup format is all zeros, and
 * checksums written afterwards match the zeros: the readable check must not take it for a file of a format it merely
 * does not read.
 */
class ZeroFilledFileReadableTest {
    @TempDir
    Path root;
    private ReadableArea area;
    private Path latest;

    @BeforeEach
    void backup() throws Exception {
        area = new ReadableArea(root);
        latest = area.folder("b-2026-11-25");
        shell(latest, "seq 1 1000 > rows.txt && tar -czf site.tar.gz rows.txt && rm rows.txt");
    }

    @Test
    void aFileOfOnlyZeroBytesFails() throws Exception {
        shell(latest, "truncate -s 3M orders.dump && head -c 100000 /dev/zero > customers.dump");

        CheckResult result = area.readable("{}");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).filteredOn(f -> f.severity() == Status.FAIL).extracting(Finding::item)
                .containsExactlyInAnyOrder("b-2026-11-25/orders.dump", "b-2026-11-25/customers.dump");
        assertThat(result.findings()).filteredOn(f -> f.item().endsWith("orders.dump")).extracting(Finding::message)
                .allMatch(m -> m.contains("nothing but zero bytes"));
    }

    @Test
    void aFileThatOnlyStartsWithZerosIsAFormatNotRead() throws Exception {
        // a file system image begins with a zeroed boot block; a sparse file may hold its data late
        shell(latest, "truncate -s 1M disk.img && printf 'superblock' | dd of=disk.img bs=1 seek=1024 conv=notrunc"
                + " 2>/dev/null && truncate -s 2M late.bin && printf x | dd of=late.bin bs=1 seek=2000000"
                + " conv=notrunc 2>/dev/null");

        CheckResult result = area.readable("{}");

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("unknownFormatFiles", 2L);
    }
}
