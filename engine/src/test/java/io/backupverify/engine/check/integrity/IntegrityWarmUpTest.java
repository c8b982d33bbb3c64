package io.backupverify.engine.check.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntegrityWarmUpTest {
    @Test
    void verifiesEveryFileOfItsBackupInMemorySoThatTheWholePathRan() {
        assertThat(IntegrityWarmUp.run()).isEqualTo(IntegrityWarmUp.FILES);
    }

    @Test
    void canRunAgain() {
        IntegrityWarmUp.run();
        assertThat(IntegrityWarmUp.run()).isEqualTo(IntegrityWarmUp.FILES);
    }
}
