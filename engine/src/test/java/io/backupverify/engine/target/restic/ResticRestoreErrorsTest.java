package io.backupverify.engine.target.restic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which of restic restore's error lines say the repository's data is damaged, and which only that it failed. */
class ResticRestoreErrorsTest {
    @Test
    void damagedOrMissingPacksAreTheBackupsFault() {
        assertThat(ResticTarget.saysDataIsDamaged(
                "ignoring error for /src/data/big.bin: ciphertext verification failed")).isTrue();
        assertThat(ResticTarget.saysDataIsDamaged("ignoring error for /src/data/big.bin: StreamPack: open "
                + "repo/data/59/59814f4a5945: no such file or directory")).isTrue();
        assertThat(ResticTarget.saysDataIsDamaged("ignoring error for /db.dump: StreamPack: The specified key "
                + "does not exist.")).isTrue();
    }

    @Test
    void failuresToReachTheStoreOrToWriteLocallyAreNot() {
        assertThat(ResticTarget.saysDataIsDamaged(
                "ignoring error for /src/data/big.bin: UtimesNano: no such file or directory")).isFalse();
        assertThat(ResticTarget.saysDataIsDamaged("ignoring error for /db.dump: StreamPack: Get "
                + "\"http://127.0.0.1:9/bucket/data/59\": dial tcp 127.0.0.1:9: connect: connection refused")).isFalse();
        assertThat(ResticTarget.saysDataIsDamaged("ignoring error for /db.dump: write /scratch/db.dump: no space "
                + "left on device")).isFalse();
    }
}
