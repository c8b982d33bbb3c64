package io.backupverify.engine.check.integrity;

import io.backupverify.engine.check.Progress;
import io.backupverify.engine.check.reading.ChangedWhileRead;
import io.backupverify.engine.check.reading.LargestFirst;
import io.backupverify.engine.plan.IntegrityMode;
import io.backupverify.engine.target.StoredChecksum;
import io.backupverify.engine.target.Target;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToLongFunction;

/**
 * Reads the files of a read list on several threads, largest first, and compares each digest with the expected
 * one. Only problems are kept; a file that matches leaves nothing behind but counts.
 */
final class ParallelReader {
    /** Changed files kept for a closer look afterwards; beyond this many they are reported as they are. */
    static final int MISMATCHES_KEPT = 1000;

    private final IntegrityMode mode;
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
    /** The files that matched, by their row in the read list. */
    private final BitSet verifiedRows = new BitSet();
    /** The files that were read and did not match, by their row in the read list. */
    private final BitSet failedRows = new BitSet();

    ParallelReader(Target target, int threads, Progress progress, Findings findings) {
        this(target, threads, progress, findings, IntegrityMode.FULL);
    }

    ParallelReader(Target target, int threads, Progress progress, Findings findings, IntegrityMode mode) {
        this.mode = mode;
        this.target = target;
        this.threads = Math.max(1, threads);
        this.progress = progress;
        this.findings = findings;
    }

    /** @param sizeAt the size of the file at a place in {@code files}, known without building the file */
    void readAll(List<ExpectedFile> files, IntToLongFunction sizeAt) throws InterruptedException {
        if (files.isEmpty()) {
            return;
        }
        long largest = 0;
        for (int at = 0; at < files.size(); at++) {
            largest = Math.max(largest, sizeAt.applyAsLong(at));
        }
        int workers = Math.min(threads, files.size());
        int bufferBytes = FileDigester.bufferBytes(largest, workers);
        LargestFirst.run(files, sizeAt, workers, "integrity-reader", () -> {
            FileDigester digester = new FileDigester(target, progress, bufferBytes);
            return file -> check(digester, file);
        });
        long unsettled = files.size() - settled.get();
        if (unsettled > 0) {
            findings.add(Problem.UNREADABLE, "(check)", unsettled + " of " + files.size()
                    + " files to read were neither verified nor found bad; not a pass");
        }
    }

    private void check(FileDigester digester, ExpectedFile file) {
        if (mode == IntegrityMode.STORED) {
            compareStored(file);
            return;
        }
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
        if (actual.changed() != null) {
            // neither a pass nor a fault of the backup: what was read is no one version of the file
            findings.add(Problem.UNREADABLE, file.item(), "changed while read (" + actual.changed() + "), so its "
                    + file.algorithm().displayName() + " is of no one version of it and cannot be checked against "
                    + file.origin() + "; " + ChangedWhileRead.ADVICE);
            return;
        }
        if (file.matches(actual.value())) {
            verifiedFiles.incrementAndGet();
            verifiedBytes.addAndGet(actual.bytes());
            synchronized (verifiedRows) {
                verifiedRows.set(file.row());
            }
        } else {
            synchronized (verifiedRows) {
                failedRows.set(file.row());
            }
            reportMismatch(file, actual);
        }
    }

    /** Mode stored: compares the manifest with the checksum the storage keeps, without reading the file. */
    private void compareStored(ExpectedFile file) {
        List<StoredChecksum> stored;
        try {
            stored = target.storedChecksums(file.read().path());
        } catch (IOException e) {
            settled.incrementAndGet();
            progress.advance(1, 0);
            findings.add(Problem.UNREADABLE, file.item(), "cannot get its stored checksums: " + IoErrors.describe(e));
            return;
        }
        settled.incrementAndGet();
        progress.advance(1, 0);
        String algorithm = file.algorithm().displayName();
        StoredChecksum usable = stored.stream().filter(sum -> sum.algorithm() == file.algorithm()).findFirst()
                .orElse(null);
        if (usable == null) {
            findings.add(Problem.UNVERIFIED, file.item(), "the store keeps no " + algorithm + " for it"
                    + (stored.isEmpty() ? "" : " (only " + String.join(", ", stored.stream()
                            .map(sum -> sum.algorithm().displayName() + " in " + sum.source()).toList()) + ")")
                    + ", so it was not verified; upload with a " + algorithm + " checksum or use mode full");
        } else if (file.matches(usable.digest())) {
            verifiedFiles.incrementAndGet();
            verifiedBytes.addAndGet(file.read().size());
        } else {
            synchronized (verifiedRows) {
                failedRows.set(file.row());
            }
            findings.add(Problem.CHANGED, file.item(), "changed: the store's " + usable.source() + " is "
                    + algorithm + " " + Mismatch.shorten(usable.hex()) + ", but " + file.origin() + " expects "
                    + Mismatch.shorten(file.expectedHex()));
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

    /** Files whose content differs at their listed size, not yet reported (at most {@link #MISMATCHES_KEPT}). */
    List<Mismatch> mismatches() {
        synchronized (mismatches) {
            return List.copyOf(mismatches);
        }
    }

    /** Whether the file in this row of the read list matched. */
    boolean verified(int row) {
        synchronized (verifiedRows) {
            return verifiedRows.get(row);
        }
    }

    /** Whether the file in this row of the read list was read and did not match. */
    boolean failed(int row) {
        synchronized (verifiedRows) {
            return failedRows.get(row);
        }
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
