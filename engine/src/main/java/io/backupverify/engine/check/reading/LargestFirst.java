package io.backupverify.engine.check.reading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;

/**
 * Works through files on several threads, largest first, so that the last file to finish is a small one and no
 * thread idles at the end while another reads a large file alone. Each thread takes the next file as soon as it is
 * done with one; nothing waits on a single reading thread. Each thread gets its own worker (with its own buffer).
 */
public final class LargestFirst {
    private LargestFirst() {
    }

    /**
     * Runs a worker from {@code workers} on each of up to {@code threads} threads over the items, largest first.
     * Returns when all items are done; throws InterruptedException when interrupted (the threads are stopped).
     *
     * @param sizeAt the size of the item at a place in the list, so that a list that builds its items when asked
     *               (many small files) need not build each one to order them
     * @param name   prefix of the threads' names, such as {@code integrity-reader}
     */
    public static <T> void run(List<T> items, IntToLongFunction sizeAt, int threads, String name,
            Supplier<Consumer<T>> workers) throws InterruptedException {
        int[] order = largestFirst(items.size(), sizeAt);
        int count = Math.min(Math.max(1, threads), order.length);
        if (count == 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(count, named(name));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                running.add(pool.submit(() -> {
                    Consumer<T> worker = workers.get();
                    int at;
                    while (!Thread.currentThread().isInterrupted() && (at = next.getAndIncrement()) < order.length) {
                        worker.accept(items.get(order[at]));
                    }
                }));
            }
            for (Future<?> worker : running) {
                await(worker);
            }
        } finally {
            pool.shutdownNow();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("verification was interrupted");
        }
    }

    /**
     * The places of the items, largest first and in list order among equal sizes. Sorted as longs holding a size
     * rank and the place, so that a list that builds its items when asked (many small files) is not copied: sizes
     * up to 1 GiB rank exactly, larger ones by the MiB.
     */
    private static int[] largestFirst(int count, IntToLongFunction sizeAt) {
        long[] keyed = new long[count];
        for (int at = 0; at < keyed.length; at++) {
            keyed[at] = (long) (Integer.MAX_VALUE - rank(sizeAt.applyAsLong(at))) << 32 | at;
        }
        Arrays.sort(keyed);
        int[] order = new int[keyed.length];
        for (int at = 0; at < keyed.length; at++) {
            order[at] = (int) keyed[at];
        }
        return order;
    }

    private static int rank(long size) {
        long exact = 1L << 30;
        return (int) Math.min(Integer.MAX_VALUE, size < exact ? Math.max(0, size) : exact + ((size - exact) >> 20));
    }

    private static void await(Future<?> worker) throws InterruptedException {
        try {
            worker.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
