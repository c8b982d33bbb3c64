package io.backupverify.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Writes over part of a file where it stands, keeping its size, as a job that writes over last night's file does. */
public final class InPlaceRewrite {
    private InPlaceRewrite() {
    }

    /** Writes {@code bytes} bytes of {@code 0x5a} at {@code at}, through a channel of its own. */
    public static void at(Path file, long at, int bytes) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            byte[] other = new byte[bytes];
            Arrays.fill(other, (byte) 0x5a);
            channel.write(ByteBuffer.wrap(other), at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
