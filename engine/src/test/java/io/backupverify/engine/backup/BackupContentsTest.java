package io.backupverify.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.EntryType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupContentsTest {
    private static final Backup FOLDER = new Backup("nightly-2026-11-29", "sets/nightly-2026-11-29",
            Instant.parse("2026-11-29T01:00:00Z"), "name", true, 0);

    @Test
    void givesBackEveryEntryAsListedWithItsPathTypeSizeTimeAndLink() {
        List<Entry> listed = List.of(
                Entry.directory("sets/nightly-2026-11-29/déjà", Instant.parse("2026-11-29T01:00:00.123456789Z")),
                Entry.file("sets/nightly-2026-11-29/déjà/vu.dump", 5_000_000_000L, Instant.parse("2026-11-29T01:02:03Z")),
                new Entry("sets/nightly-2026-11-29/latest", EntryType.SYMLINK, 0, Instant.parse("2026-11-29T01:00:00Z"),
                        "sets/nightly-2026-11-29/déjà/vu.dump", true),
                new Entry("sets/nightly-2026-11-29/out", EntryType.SYMLINK, 0, Instant.parse("2026-11-29T01:00:00Z"),
                        "/etc/passwd", false),
                new Entry("elsewhere/odd", EntryType.OTHER, 0, null, null, false),
                Entry.file("sets/nightly-2026-11-29/empty", 0, Instant.EPOCH));

        BackupContents contents = new BackupContents(FOLDER, listed);

        assertThat(contents.entries()).containsExactlyElementsOf(listed);
        assertThat(contents.size()).isEqualTo(6);
        assertThat(contents.fileCount()).isEqualTo(2);
        assertThat(contents.totalBytes()).isEqualTo(5_000_000_000L);
        assertThat(contents.path(4)).isEqualTo("elsewhere/odd");
        assertThat(contents.relativePath(contents.entry(1))).isEqualTo("déjà/vu.dump");
    }

    @Test
    void comparesPathsByTheirUtf8Bytes() {
        BackupContents contents = new BackupContents(FOLDER, List.of(
                Entry.file("sets/nightly-2026-11-29/a-b", 1, Instant.EPOCH),
                Entry.file("sets/nightly-2026-11-29/a/b", 1, Instant.EPOCH),
                Entry.file("elsewhere", 1, Instant.EPOCH)));

        assertThat(contents.comparePaths(0, 1)).isNegative();
        assertThat(contents.comparePaths(1, 0)).isPositive();
        assertThat(contents.comparePaths(2, 0)).isNegative();
        assertThat(contents.comparePaths(0, 2)).isPositive();
        assertThat(contents.comparePath(1, "sets/nightly-2026-11-29/a/b".getBytes(StandardCharsets.UTF_8))).isZero();
        assertThat(contents.comparePath(1, "sets/nightly-2026-11-29/a/b/c".getBytes(StandardCharsets.UTF_8)))
                .isNegative();
        assertThat(contents.comparePath(1, "sets/nightly-2026-11-29/a/".getBytes(StandardCharsets.UTF_8)))
                .isPositive();
    }

    @Test
    void aFileBackupHoldsTheFileItself() {
        Backup file = new Backup("orders-2026-11-29.dump", "orders-2026-11-29.dump", Instant.EPOCH, "name", false, 7);
        BackupContents contents = new BackupContents(file,
                List.of(Entry.file("orders-2026-11-29.dump", 7, Instant.EPOCH)));

        assertThat(contents.entry(0).path()).isEqualTo("orders-2026-11-29.dump");
        assertThat(contents.relativePath(contents.entry(0))).isEqualTo("orders-2026-11-29.dump");
        assertThat(contents.totalBytes()).isEqualTo(7);
    }
}
