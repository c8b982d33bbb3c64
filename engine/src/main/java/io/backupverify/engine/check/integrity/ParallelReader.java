package io.backupverify.engine.check.integrity;

import io.backupverify.engine.check.Progress;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the files of a read list on several threads, largest first, and compares each digest with the expected
 * one. Only problems are kept; a file that matches leaves nothing behind but counts.
 */
final class ParallelReader {
    /** Changed files kept for a closer look afterwards; beyond this many they are reported as they are. */
    static final int MISMATCHES_KEPT = 1000;

    private final Target target;
    private final int threads;
    private final Progress progress;
    private final Findings findings;
    private final AtomicLong verifiedFiles = new AtomicLong();
    private final AtomicLong verifiedBytes = new AtomicLong();
    private final AtomicLong readBytes = new AtomicLong();
    /** Files with an outcome: verified, found bad or unreadable. */
    private final AtomicLong settled = new AtomicLong();
    private final List<Mismatch> mismatches = new ArrayList<>();
    private final Set<String> verifiedKeys = ConcurrentHashMap.newKeySet();

    ParallelReader(Target target, int threads, Progress progress, Findings findings) {
        this.target = target;
        this.threads = Math.max(1, threads);
        this.progress = progress;
        this.findings = findings;
    }

    void readAll(List<ExpectedFile> files) throws InterruptedException {
        List<ExpectedFile> order = new ArrayList<>(files);
        order.sort(Comparator.comparingLong((ExpectedFile file) -> file.read().size()).reversed());
        int workers = Math.min(threads, order.size());
        if (workers == 0) {
            return;
        }
        int bufferBytes = FileDigester.bufferBytes(order.get(0).read().size(), workers);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, readerThreads());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(() -> work(order, next, bufferBytes)));
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
        long unsettled = order.size() - settled.get();
        if (unsettled > 0) {
            findings.add(Problem.UNREADABLE, "(check)", unsettled + " of " + order.size()
                    + " files to read were neither verified nor found bad; not a pass");
        }
    }

    private void work(List<ExpectedFile> files, AtomicInteger next, int bufferBytes) {
        FileDigester digester = new FileDigester(target, progress, bufferBytes);
        int at;
        while (!Thread.currentThread().isInterrupted() && (at = next.getAndIncrement()) < files.size()) {
            check(digester, files.get(at));
        }
    }

    private void check(FileDigester digester, ExpectedFile file) {
        FileDigester.Digest actual;
        try {
            actual = digester.digest(file);
        } catch (IOException e) {
            // A timed-out read (SocketTimeoutException) is an InterruptedIOException too; only a reader that was
            // really interrupted stops without a verdict on the file.
            if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                return;
            }
            settled.incrementAndGet();
            progress.advance(1, 0);
            findings.add(Problem.UNREADABLE, file.item(), "cannot read: " + IoErrors.describe(e));
            return;
        }
        settled.incrementAndGet();
        readBytes.addAndGet(actual.bytes());
        if (file.matches(actual.value())) {
            verifiedFiles.incrementAndGet();
            verifiedBytes.addAndGet(actual.bytes());
            verifiedKeys.add(file.key());
        } else {
            reportMismatch(file, actual);
        }
    }

    private void reportMismatch(ExpectedFile file, FileDigester.Digest actual) {
        String algorithm = file.algorithm().displayName();
        long listedSize = file.read().size();
        if (actual.bytes() != listedSize) {
            findings.add(Problem.UNREADABLE, file.item(), "changed while being read (" + listedSize
                    + " bytes when listed, " + actual.bytes() + " bytes read) and its " + algorithm
                    + " differs from " + file.origin() + "; is the backup still being written?");
        } else if (actual.bytes() == 0) {
            findings.add(Problem.TRUNCATED, file.item(), "truncated: the file is empty (0 bytes) but "
                    + file.origin() + " expects " + algorithm + " " + Mismatch.shorten(file.expectedHex()));
        } else {
            Mismatch mismatch = new Mismatch(file, actual.value(), actual.bytes());
            synchronized (mismatches) {
                if (mismatches.size() < MISMATCHES_KEPT) {
                    mismatches.add(mismatch);
                    return;
                }
            }
            findings.add(Problem.CHANGED, file.item(), mismatch.changedMessage());
        }
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

    private static ThreadFactory readerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "integrity-reader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Files whose content differs at their listed size, not yet reported (at most {@link #MISMATCHES_KEPT}). */
    List<Mismatch> mismatches() {
        synchronized (mismatches) {
            return List.copyOf(mismatches);
        }
    }

    /** The ledger keys of the files that matched. */
    Set<String> verifiedKeys() {
        return verifiedKeys;
    }

    long verifiedFiles() {
        return verifiedFiles.get();
    }

    long verifiedBytes() {
        return verifiedBytes.get();
    }

    long readBytes() {
        return readBytes.get();
    }
}
