package io.backupverify.engine.target.sftp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.sshd.sftp.client.SftpClient;

/** A file's stream that closes the SFTP channel it was read over. */
final class ChannelInputStream extends FilterInputStream {
    private final SftpClient channel;

    ChannelInputStream(InputStream in, SftpClient channel) {
        super(in);
        this.channel = channel;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            channel.close();
        }
    }
}
