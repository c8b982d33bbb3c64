package io.backupverify.engine.target.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.Test;

/**
 * The limits of a resumed SFTP read, exactly: every try that gets further may be followed by another, 3 tries in a row
 * without progress or 10 failed tries in all end the read with an error, an end before the listed size is a failed
 * try, and the bytes always continue where they stopped. Each try is scripted (how many bytes it delivers before its
 * connection drops), because over a real connection how much a cut try delivers is up to the client's read-ahead
 * (SftpFaultsTest covers the real server).
 */
class ResumingInputStreamTest {
    private static final byte[] FILE = content(1000);

    /** Hands out the file from the offset asked for, each try delivering the next scripted number of bytes. */
    private static final class ScriptedTries implements ResumingInputStream.Opener {
        private final List<Integer> delivered = new ArrayList<>();
        private final List<Long> offsets = new ArrayList<>();
        private final boolean endEarly;

        ScriptedTries(boolean endEarly, Integer... delivered) {
            this.endEarly = endEarly;
            this.delivered.addAll(Arrays.asList(delivered));
        }

        @Override
        public InputStream openAt(String path, long offset) {
            offsets.add(offset);
            int index = offsets.size() - 1;
            int length = index < delivered.size() ? delivered.get(index) : FILE.length;
            InputStream bytes = new ByteArrayInputStream(FILE, (int) offset,
                    (int) Math.min(length, FILE.length - offset));
            if (index >= delivered.size() || endEarly) {
                return bytes;
            }
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    int b = bytes.read();
                    if (b < 0) {
                        throw new IOException("Connection reset");
                    }
                    return b;
                }
            };
        }
    }

    private static byte[] readAll(ScriptedTries tries) throws IOException {
        try (InputStream in = new ResumingInputStream(tries, "orders-1/db.dump", 0, FILE.length)) {
            return in.readAllBytes();
        }
    }

    @Test
    void triesThatGetFurtherGoOnPastTheLimitOfTriesInARowAndTheBytesContinueWhereTheyStopped() throws Exception {
        ScriptedTries tries = new ScriptedTries(false, 100, 100, 100, 100, 100, 100, 100, 100, 100);

        assertThat(readAll(tries)).isEqualTo(FILE);
        assertThat(tries.offsets).containsExactly(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L);
    }

    @Test
    void threeTriesInARowWithoutProgressEndTheReadWithAnErrorAtTheByteReached() {
        ScriptedTries tries = new ScriptedTries(false, 300, 0, 0, 0);

        assertThatThrownBy(() -> readAll(tries)).isInstanceOf(IOException.class)
                .hasMessage("reading orders-1/db.dump failed after 3 attempts at byte 300 "
                        + "(3 tries in a row got no further): Connection reset");
        assertThat(tries.offsets).containsExactly(0L, 300L, 300L);
    }

    @Test
    void progressBetweenTriesStartsTheCountInARowAfresh() throws Exception {
        ScriptedTries tries = new ScriptedTries(false, 0, 0, 50, 0, 50, 0);

        assertThat(readAll(tries)).isEqualTo(FILE);
        assertThat(tries.offsets).containsExactly(0L, 0L, 0L, 50L, 50L, 100L, 100L);
    }

    @Test
    void tenFailedTriesInAllEndTheReadEvenWhenEachGotFurther() {
        ScriptedTries tries = new ScriptedTries(false, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);

        assertThatThrownBy(() -> readAll(tries)).isInstanceOf(IOException.class)
                .hasMessage("reading orders-1/db.dump failed after 10 attempts at byte 100 "
                        + "(10 tries failed in all): Connection reset");
        assertThat(tries.offsets).hasSize(10);
    }

    @Test
    void anEndBeforeTheListedSizeIsAFailedTryNeverTheEndOfTheFile() throws Exception {
        ScriptedTries resumed = new ScriptedTries(true, 400, 400);
        assertThat(readAll(resumed)).isEqualTo(FILE);
        assertThat(resumed.offsets).containsExactly(0L, 400L, 800L);

        ScriptedTries endsShort = new ScriptedTries(true, 400, 0, 0, 0);
        assertThatThrownBy(() -> readAll(endsShort)).isInstanceOf(IOException.class)
                .hasMessage("reading orders-1/db.dump failed after 3 attempts at byte 400 "
                        + "(3 tries in a row got no further): the file ended at byte 400 of the 1000 listed");
    }

    @Test
    void anAnswerOfTheServerIsNotTriedAgain() {
        ResumingInputStream.Opener refusing = (path, offset) -> new InputStream() {
            @Override
            public int read() throws IOException {
                throw new SftpException(SftpConstants.SSH_FX_PERMISSION_DENIED, "Permission denied");
            }
        };

        assertThatThrownBy(() -> {
            try (InputStream in = new ResumingInputStream(refusing, "orders-1/db.dump", 0, FILE.length)) {
                in.readAllBytes();
            }
        }).isInstanceOf(SftpException.class).hasMessage("Permission denied");
    }

    private static byte[] content(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }
}
