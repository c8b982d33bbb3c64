package io.backupverify.engine.check.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class DigestWarmUpTest {
    @Test
    void hashesItsRegionsOfZerosThroughTheMappedFilePath() throws Exception {
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        byte[] region = new byte[DigestWarmUp.REGION];
        for (int i = 0; i < DigestWarmUp.ROUNDS; i++) {
            expected.update(region);
        }

        assertThat(DigestWarmUp.run()).isEqualTo(expected.digest());
    }

    @Test
    void runsOnADaemonThreadThatNeverHoldsUpTheExit() throws Exception {
        Thread thread = DigestWarmUp.start();

        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("digest-warm-up");
        thread.join();
    }
}
