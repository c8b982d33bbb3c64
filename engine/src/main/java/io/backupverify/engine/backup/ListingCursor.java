package io.backupverify.engine.backup;

import io.backupverify.engine.target.Entry;
import io.backupverify.engine.target.Target;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The entries below a folder of a target, taken one at a time as a walk of the target yields them, so that a
 * check can go through the listing beside another stream (a manifest) without holding it. The walk runs on a
 * thread of its own, at most {@link #AHEAD} entries ahead of the reader.
 */
public final class ListingCursor implements Closeable {
    static final int AHEAD = 1024;
    /** The name of the thread that walks. */
    public static final String THREAD = "listing";

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread walker;
    private volatile boolean closed;
    private boolean ended;

    private ListingCursor(Target target, String folder) {
        walker = new Thread(() -> walk(target, folder), THREAD);
        walker.setDaemon(true);
    }

    /** Starts walking the folder. */
    public static ListingCursor open(Target target, String folder) {
        ListingCursor cursor = new ListingCursor(target, folder);
        cursor.walker.start();
        return cursor;
    }

    private void walk(Target target, String folder) {
        Object last = END;
        try {
            target.walk(folder, this::put);
        } catch (Stopped e) {
            return;
        } catch (IOException e) {
            last = e;
        } catch (UncheckedIOException e) {
            last = e.getCause();
        } catch (RuntimeException | Error e) {
            last = e;
        }
        try {
            put(last);
        } catch (Stopped e) {
            // nobody reads any more
        }
    }

    private void put(Object item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            throw new Stopped();
        }
        if (closed) {
            throw new Stopped();
        }
    }

    /** The next entry of the walk, or null when the walk has ended. Fails as the walk failed. */
    public Entry next() throws IOException, InterruptedException {
        if (ended) {
            return null;
        }
        Object item = queue.take();
        if (item instanceof Entry entry) {
            return entry;
        }
        ended = true;
        if (item instanceof IOException e) {
            throw e;
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        return null;
    }

    /** Stops the walk if it is still going. */
    @Override
    public void close() throws InterruptedIOException {
        closed = true;
        queue.clear();
        try {
            walker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping a listing");
        }
    }

    /** Unwinds the walk once nobody reads it any more. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
