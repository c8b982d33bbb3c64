package io.backupverify.engine.check.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class DigestWarmUpTest {
    @Test
    void hashesItsBlocksOfZerosThroughTheBufferPath() throws Exception {
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[4096];
        for (int i = 0; i < DigestWarmUp.ROUNDS; i++) {
            expected.update(block);
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
