package io.backupverify.engine.target.s3;

import java.io.IOException;
import java.io.InputStream;

/** A stream that reads in blocks; a single-byte read is a block of one. */
abstract class BlockInputStream extends InputStream {
    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] buffer, int offset, int length) throws IOException;
}
