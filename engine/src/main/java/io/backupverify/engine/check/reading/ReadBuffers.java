package io.backupverify.engine.check.reading;

/** How large each reading thread's buffer is, so that many threads fit in a small heap. */
public final class ReadBuffers {
    public static final int MAX_BYTES = 1 << 20;
    public static final int MIN_BYTES = 16 << 10;

    private ReadBuffers() {
    }

    /**
     * The buffer for each of several readers: {@code preferred} bytes, but no larger than the largest file needs,
     * and small enough that all readers' buffers together take at most an eighth of the heap, however many
     * threads are asked for.
     */
    public static int bytes(long preferred, long largestFile, int readers) {
        long byHeap = Runtime.getRuntime().maxMemory() / 8 / Math.max(1, readers);
        long wanted = Math.min(Math.min(MAX_BYTES, preferred), Math.min(byHeap, largestFile));
        return (int) Math.max(MIN_BYTES, wanted);
    }
}
