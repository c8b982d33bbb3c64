package io.backupverify.engine.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupTest {
    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final Backup BACKUP = new Backup("b-2026-01-01", "sets/b-2026-01-01", TIME, "name", true, 0, TIME);

    @Test
    void equalWhenEveryComponentIsEqual() {
        Backup same = new Backup("b-2026-01-01", "sets/b-2026-01-01", TIME, "name", true, 0, TIME);
        assertEquals(BACKUP, same);
        assertEquals(BACKUP.hashCode(), same.hashCode());
        Backup unknownModified = new Backup("b", null, null, null, false, 1);
        assertEquals(unknownModified, new Backup("b", null, null, null, false, 1, null));
        assertEquals(unknownModified.hashCode(), new Backup("b", null, null, null, false, 1, null).hashCode());
    }

    @Test
    void differsWhenAnyComponentDiffers() {
        Instant later = TIME.plusSeconds(1);
        List<Backup> others = List.of(
                new Backup("b-2026-01-02", "sets/b-2026-01-01", TIME, "name", true, 0, TIME),
                new Backup("b-2026-01-01", "sets/b-2026-01-02", TIME, "name", true, 0, TIME),
                new Backup("b-2026-01-01", "sets/b-2026-01-01", later, "name", true, 0, TIME),
                new Backup("b-2026-01-01", "sets/b-2026-01-01", TIME, "modified", true, 0, TIME),
                new Backup("b-2026-01-01", "sets/b-2026-01-01", TIME, "name", false, 0, TIME),
                new Backup("b-2026-01-01", "sets/b-2026-01-01", TIME, "name", true, 1, TIME),
                new Backup("b-2026-01-01", "sets/b-2026-01-01", TIME, "name", true, 0, later),
                new Backup("b-2026-01-01", "sets/b-2026-01-01", TIME, "name", true, 0, null));
        for (Backup other : others) {
            assertNotEquals(BACKUP, other, other.toString());
            assertNotEquals(other, BACKUP, other.toString());
        }
        assertNotEquals(BACKUP, null);
        assertNotEquals(BACKUP, "b-2026-01-01");
    }
}
