package io.backupverify.engine.check;

import java.util.AbstractList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Which files a check listed and which of them it read and verified in this run, named by the key that keeps a
 * file's identity from run to run (for integrity: the path that decides its sample slice). It is never written into
 * a report; the coverage ledger keeps it. A check of many files gives its keys as a function of their place in its
 * list ({@link #of}), so that none is held as a string until the ledger asks for it.
 */
public final class FileCoverage {
    private final List<String> listed;
    private final IntPredicate verifiedAt;
    private Set<String> verified;

    /**
     * @param listed   every file the check was asked to verify, read this run or not
     * @param verified the listed files that were read and matched their expectation this run
     */
    public FileCoverage(List<String> listed, Set<String> verified) {
        this.listed = List.copyOf(listed);
        this.verified = Set.copyOf(verified);
        this.verifiedAt = at -> this.verified.contains(this.listed.get(at));
    }

    private FileCoverage(List<String> listed, IntPredicate verifiedAt) {
        this.listed = listed;
        this.verifiedAt = verifiedAt;
    }

    /**
     * The coverage of {@code count} listed files whose keys are built when asked for.
     *
     * @param key      the key of the file at a place in the list
     * @param verified whether the file at a place in the list was verified
     */
    public static FileCoverage of(int count, IntFunction<String> key, IntPredicate verified) {
        return new FileCoverage(new AbstractList<>() {
            @Override
            public String get(int at) {
                if (at < 0 || at >= count) {
                    throw new IndexOutOfBoundsException(at);
                }
                return key.apply(at);
            }

            @Override
            public int size() {
                return count;
            }
        }, verified);
    }

    /** Every file the check was asked to verify, read this run or not. */
    public List<String> listed() {
        return listed;
    }

    /** The listed files that were read and matched their expectation this run. */
    public synchronized Set<String> verified() {
        if (verified == null) {
            Set<String> found = new HashSet<>();
            for (int at = 0; at < listed.size(); at++) {
                if (verifiedAt.test(at)) {
                    found.add(listed.get(at));
                }
            }
            verified = Set.copyOf(found);
        }
        return verified;
    }
}
