package io.backupverify.engine.check.reading;

import java.nio.channels.FileChannel;

/**
 * A channel whose file another process cuts short right after it is mapped, as a backup job still writing would;
 * optionally writes it back to its full length before the reader next asks for its size, as a job rewriting it
 * would.
 */
public final class CutAfterMapping extends FileChannel {
    private final FileChannel real;
    private final FileChannel writer;
    private final long cutTo;
    private final boolean writtenAgain;
    private long cutFrom = -1;

    /** @param writer a channel open for writing on the same file, cut to {@code cutTo} bytes after each map */
    public CutAfterMapping(FileChannel real, FileChannel writer, long cutTo) {
        this(real, writer, cutTo, false);
    }

    /** @param writtenAgain whether the file gets its length back once it has been cut */
    public CutAfterMapping(FileChannel real, FileChannel writer, long cutTo, boolean writtenAgain) {
        this.real = real;
        this.writer = writer;
        this.cutTo = cutTo;
        this.writtenAgain = writtenAgain;
    }

    @Override
    public long size() throws java.io.IOException {
        if (writtenAgain && cutFrom > cutTo) {
            writer.write(java.nio.ByteBuffer.allocate(1), cutFrom - 1);
        }
        return real.size();
    }

    @Override
    public java.nio.MappedByteBuffer map(MapMode mode, long position, long length) throws java.io.IOException {
        java.nio.MappedByteBuffer mapped = real.map(mode, position, length);
        cutFrom = real.size();
        writer.truncate(cutTo);
        return mapped;
    }

    @Override
    public int read(java.nio.ByteBuffer dst) throws java.io.IOException {
        return real.read(dst);
    }

    @Override
    public long read(java.nio.ByteBuffer[] dsts, int offset, int length) throws java.io.IOException {
        return real.read(dsts, offset, length);
    }

    @Override
    public int write(java.nio.ByteBuffer src) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long write(java.nio.ByteBuffer[] srcs, int offset, int length) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long position() throws java.io.IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws java.io.IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public FileChannel truncate(long newSize) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void force(boolean metaData) {
    }

    @Override
    public long transferTo(long position, long count, java.nio.channels.WritableByteChannel target) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long transferFrom(java.nio.channels.ReadableByteChannel src, long position, long count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int read(java.nio.ByteBuffer dst, long position) throws java.io.IOException {
        return real.read(dst, position);
    }

    @Override
    public int write(java.nio.ByteBuffer src, long position) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.nio.channels.FileLock lock(long position, long length, boolean shared) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.nio.channels.FileLock tryLock(long position, long length, boolean shared) {
        throw new UnsupportedOperationException();
    }

    @Override
    protected void implCloseChannel() throws java.io.IOException {
        real.close();
        writer.close();
    }
}
