package io.backupverify.engine.check.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.target.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackupIndexTest {
    private static final Backup BACKUP = new Backup("b-2026-11-29", "b-2026-11-29", Instant.EPOCH, "name", true, 0);

    @Test
    void findsEveryEntryOfAListingInAnyOrderAndReportsTheUnlistedInPathOrder() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            entries.add(Entry.file("b-2026-11-29/d" + (i % 7) + (i % 2 == 0 ? "/" : "-") + "f" + i, i, Instant.EPOCH));
        }
        entries.add(Entry.directory("b-2026-11-29/d0", Instant.EPOCH));
        entries.add(Entry.file("b-2026-11-29/é", 1, Instant.EPOCH));
        Collections.shuffle(entries, new Random(7));
        BackupIndex index = new BackupIndex(new BackupContents(BACKUP, entries));

        for (Entry entry : entries) {
            assertThat(index.findByTargetPath(entry.path())).isEqualTo(entry);
        }
        assertThat(index.find("d3/f")).isNull();
        assertThat(index.find("d0/f0")).isEqualTo(Entry.file("b-2026-11-29/d0/f0", 0, Instant.EPOCH));

        List<String> unlisted = new ArrayList<>();
        entries.stream().filter(e -> !e.path().endsWith("1")).forEach(index::markListed);
        index.forEachUnlisted(entry -> unlisted.add(entry.path()));
        List<String> expected = entries.stream().map(Entry::path).filter(p -> p.endsWith("1")).sorted().toList();
        assertThat(unlisted).containsExactlyElementsOf(expected);
    }
}
