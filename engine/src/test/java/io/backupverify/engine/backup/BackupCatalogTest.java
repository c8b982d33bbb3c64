package io.backupverify.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupverify.engine.plan.LayoutKind;
import io.backupverify.engine.plan.LayoutSpec;
import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.LocalTarget;
import io.backupverify.engine.testing.BackupTree;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupCatalogTest {
    @TempDir
    Path dir;

    @Test
    void findsFolderBackupsOldestFirstByTheirNames() throws Exception {
        BackupTree tree = new BackupTree(dir);
        tree.backup("orders-2026-11-25T0100", Instant.parse("2026-11-26T09:00:00Z"), "a", "1");
        tree.backup("orders-2026-11-24T0100", Instant.parse("2026-11-26T10:00:00Z"), "a", "1");
        tree.backup("invoices-2026-11-24T0100", Instant.parse("2026-11-26T10:00:00Z"), "a", "1");
        tree.backup(".orders-2026-11-26T0100", Instant.parse("2026-11-26T10:00:00Z"), "a", "1");
        Files.writeString(dir.resolve("orders-2026-11-27T0100"), "a file, not a folder");

        List<Backup> backups = catalog(LayoutKind.DIRECTORY_PER_BACKUP, "orders-{yyyy-MM-dd'T'HHmm}").discover();

        assertThat(backups).extracting(Backup::id)
                .containsExactly("orders-2026-11-24T0100", "orders-2026-11-25T0100");
        assertThat(backups.get(1).time()).isEqualTo(Instant.parse("2026-11-25T01:00:00Z"));
        assertThat(backups.get(1).timeSource()).isEqualTo("name");
        assertThat(backups.get(1).directory()).isTrue();
    }

    @Test
    void fallsBackToTheModificationTime() throws Exception {
        BackupTree tree = new BackupTree(dir);
        tree.backup("second", Instant.parse("2026-11-26T10:00:00Z"), "a", "1");
        tree.backup("first", Instant.parse("2026-11-25T10:00:00Z"), "a", "1");

        List<Backup> backups = catalog(LayoutKind.DIRECTORY_PER_BACKUP, "*").discover();

        assertThat(backups).extracting(Backup::id).containsExactly("first", "second");
        assertThat(backups.get(0).timeSource()).isEqualTo("modified");
        assertThat(backups.get(0).time()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void findsFileBackupsAndSkipsChecksumFiles() throws Exception {
        for (String name : List.of("db-20261124.tar.gz", "db-20261125.tar.gz", "db-20261125.tar.gz.sha256",
                "SHA256SUMS", "SHA256SUMS.asc", "db-20261125.tar.gz.backup-info.json", "notes.txt")) {
            Files.writeString(dir.resolve(name), name);
        }

        BackupCatalog catalog = catalog(LayoutKind.FILE_PER_BACKUP, "*");
        List<Backup> backups = catalog.discover();

        assertThat(backups).extracting(Backup::id)
                .containsExactlyInAnyOrder("db-20261124.tar.gz", "db-20261125.tar.gz", "notes.txt");
        Backup one = backups.stream().filter(b -> b.id().equals("db-20261124.tar.gz")).findFirst().orElseThrow();
        assertThat(one.directory()).isFalse();
        assertThat(one.size()).isEqualTo("db-20261124.tar.gz".length());
        BackupContents contents = catalog.contents(one);
        assertThat(contents.entries()).extracting(Entry::path).containsExactly("db-20261124.tar.gz");
        assertThat(contents.relativePath(contents.entries().get(0))).isEqualTo("db-20261124.tar.gz");
    }

    @Test
    void readsTheContentsOfAFolderBackup() throws Exception {
        new BackupTree(dir).backup("b1", Instant.parse("2026-11-25T10:00:00Z"), "data/x.bin", "12345", "y", "");
        BackupCatalog catalog = catalog(LayoutKind.DIRECTORY_PER_BACKUP, "*");

        BackupContents contents = catalog.contents(catalog.discover().get(0));

        assertThat(contents.entries()).filteredOn(Entry::isFile).extracting(contents::relativePath)
                .containsExactly("SHA256SUMS", "data/x.bin", "y");
        assertThat(contents.fileCount()).isEqualTo(3);
        assertThat(contents.totalBytes()).isEqualTo(5 + Files.size(dir.resolve("b1/SHA256SUMS")));
    }

    @Test
    void aMissingTargetFolderIsAnError() {
        BackupCatalog catalog = new BackupCatalog(new LocalTarget(dir.resolve("absent")), LayoutSpec.DEFAULT,
                ZoneOffset.UTC);

        assertThatThrownBy(catalog::discover).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void modificationTimesOfFilesAreKept() throws Exception {
        Path file = dir.resolve("db.tar");
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));

        List<Backup> backups = catalog(LayoutKind.FILE_PER_BACKUP, "db.tar").discover();

        assertThat(backups).singleElement().extracting(Backup::time).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    private BackupCatalog catalog(LayoutKind kind, String pattern) {
        return new BackupCatalog(new LocalTarget(dir), new LayoutSpec(kind, pattern), ZoneOffset.UTC);
    }
}
