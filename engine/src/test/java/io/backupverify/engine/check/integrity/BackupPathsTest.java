package io.backupverify.engine.check.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackupPathsTest {
    @Test
    void normalisesNamesInsideTheBackup() {
        assertThat(BackupPaths.resolve("", "a.txt")).contains("a.txt");
        assertThat(BackupPaths.resolve("", "./sub//b.txt")).contains("sub/b.txt");
        assertThat(BackupPaths.resolve("meta", "../data/c.bin")).contains("data/c.bin");
        assertThat(BackupPaths.resolve("", "sub/../d")).contains("d");
    }

    @Test
    void refusesNamesLeavingTheBackup() {
        assertThat(BackupPaths.resolve("", "/etc/passwd")).isEmpty();
        assertThat(BackupPaths.resolve("", "../other-backup/x")).isEmpty();
        assertThat(BackupPaths.resolve("", "sub/../../x")).isEmpty();
        assertThat(BackupPaths.resolve("meta", "../../x")).isEmpty();
        assertThat(BackupPaths.resolve("", ".")).isEmpty();
    }
}
