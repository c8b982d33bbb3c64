package io.backupverify.engine.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Which files a check listed and which of them it read and verified in this run, named by the key that keeps a
 * file's identity from run to run (for integrity: the path that decides its sample slice). It is never written into
 * a report; the coverage ledger keeps it. The keys are held as {@link CoverageKeys}, a few bytes a key, and whether
 * a file was verified is asked of the check by the file's place in its list; the ledger goes through them in key
 * order ({@link #forEach}), so that no key is held as a string.
 */
public final class FileCoverage {
    private static final IntPredicate NONE = at -> false;

    private final Supplier<CoverageKeys> source;
    private final IntPredicate verifiedAt;
    private final IntPredicate failedAt;
    private CoverageKeys keys;

    /** What this run learnt of a listed file. */
    public enum Read {
        /** Read, and it matched its expectation. */
        VERIFIED,
        /** Read, and it did not match (changed, truncated): an earlier verification no longer speaks for it. */
        FAILED,
        /** Not read this run (left to another run by the sample, or unreadable). */
        NOT_READ
    }

    /**
     * @param listed   every file the check was asked to verify, read this run or not
     * @param verified the listed files that were read and matched their expectation this run (others are ignored)
     */
    public FileCoverage(List<String> listed, Set<String> verified) {
        List<String> names = List.copyOf(listed);
        Set<String> matched = Set.copyOf(verified);
        this.keys = keysOf(names.size(), names::get);
        this.source = null;
        this.verifiedAt = at -> matched.contains(names.get(at));
        this.failedAt = NONE;
    }

    private FileCoverage(Supplier<CoverageKeys> source, IntPredicate verifiedAt, IntPredicate failedAt) {
        this.source = source;
        this.verifiedAt = verifiedAt;
        this.failedAt = failedAt;
    }

    /**
     * The coverage of {@code count} listed files whose keys are built when the ledger first asks for them.
     *
     * @param key      the key of the file at a place in the list
     * @param verified whether the file at a place in the list was verified
     */
    public static FileCoverage of(int count, IntFunction<String> key, IntPredicate verified) {
        return of(count, key, verified, NONE);
    }

    /** The same, with whether the file at a place in the list was read and did not match. */
    public static FileCoverage of(int count, IntFunction<String> key, IntPredicate verified, IntPredicate failed) {
        return new FileCoverage(() -> keysOf(count, key), verified, failed);
    }

    /**
     * The coverage of the files whose keys were gathered as they were listed.
     *
     * @param verified whether the file at a row of {@code keys} was verified
     */
    public static FileCoverage of(CoverageKeys keys, IntPredicate verified) {
        return of(keys, verified, NONE);
    }

    /** The same, with whether the file at a row of {@code keys} was read and did not match. */
    public static FileCoverage of(CoverageKeys keys, IntPredicate verified, IntPredicate failed) {
        return new FileCoverage(() -> keys, verified, failed);
    }

    private static CoverageKeys keysOf(int count, IntFunction<String> key) {
        CoverageKeys keys = new CoverageKeys();
        for (int at = 0; at < count; at++) {
            keys.add(key.apply(at), at);
        }
        return keys;
    }

    private synchronized CoverageKeys keys() {
        if (keys == null) {
            keys = source.get();
        }
        return keys;
    }

    /** Receives each listed file's key once, and whether the file was verified this run. */
    @FunctionalInterface
    public interface Visitor<E extends Exception> {
        void visit(String key, boolean verified) throws E;
    }

    /** Receives each listed file's key once, and what this run learnt of it. */
    @FunctionalInterface
    public interface ReadVisitor<E extends Exception> {
        void visit(String key, Read read) throws E;
    }

    /**
     * Goes through the listed files in the ledger's order ({@link String#compareTo}), each key once: a key listed
     * more than once counts as verified when any of its files was.
     */
    public <E extends Exception> void forEach(Visitor<E> visitor) throws E {
        forEachRead((key, read) -> visitor.visit(key, read == Read.VERIFIED));
    }

    /**
     * The same, with what the run learnt of each: a key listed more than once has failed when any of its files did,
     * else is verified when any of its files was.
     */
    public <E extends Exception> void forEachRead(ReadVisitor<E> visitor) throws E {
        String[] pending = new String[1];
        boolean[] verified = new boolean[1];
        boolean[] failed = new boolean[1];
        keys().forEach((String key, int row) -> {
            if (pending[0] != null && !pending[0].equals(key)) {
                visitor.visit(pending[0], read(verified[0], failed[0]));
                verified[0] = false;
                failed[0] = false;
            }
            pending[0] = key;
            verified[0] |= verifiedAt.test(row);
            failed[0] |= failedAt.test(row);
        });
        if (pending[0] != null) {
            visitor.visit(pending[0], read(verified[0], failed[0]));
        }
    }

    private static Read read(boolean verified, boolean failed) {
        return failed ? Read.FAILED : verified ? Read.VERIFIED : Read.NOT_READ;
    }

    /** Every file the check was asked to verify, read this run or not: each key once, in key order. */
    public List<String> listed() {
        List<String> listed = new ArrayList<>();
        forEach((key, verified) -> listed.add(key));
        return listed;
    }

    /** The listed files that were read and matched their expectation this run. */
    public Set<String> verified() {
        Set<String> found = new HashSet<>();
        forEach((key, verified) -> {
            if (verified) {
                found.add(key);
            }
        });
        return Set.copyOf(found);
    }
}
