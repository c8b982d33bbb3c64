package io.backupverify.engine.check.integrity;

import io.backupverify.engine.check.RecheckSlices;
import io.backupverify.engine.plan.Percentage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Picks the rotating share of files a sampled run reads. A sample of N% splits the files into
 * t = ceil(100 / N) slices by a stable hash of each file's path inside its backup; run number r reads slice
 * r mod t. Over any t consecutive run numbers every file is read exactly once.
 *
 * <p>A run may also read again the slices in which the set's previous run found a file it could not verify
 * ({@link RecheckSlices}): otherwise the next run, reading another slice, would pass while the broken file waits
 * t runs to be read again (a job retried after a failure, or the next night, would turn green with nothing fixed).
 * Those slices are of the previous run's cut: when the sample changed since, a file is read again when it falls in
 * one of them by that cut, so nothing the previous run could not verify waits for its slice in the new one. When
 * the plan's scope or name pattern changed since, the previous run knew a file by another path
 * ({@link #namedBefore}).
 */
public final class SampleSelector {
    private final int slices;
    private final int slice;
    /** Every slice (0 to namedCut-1) the previous run named to read again, this run's own included; usually none. */
    private final Set<Integer> named;
    /** The number of slices of the cut {@link #named} belongs to (the previous run's t); 0 when none is named. */
    private final int namedCut;

    private SampleSelector(int slices, int slice, int namedCut, Set<Integer> named) {
        this.slices = slices;
        this.slice = slice;
        this.named = Set.copyOf(named);
        this.namedCut = named.isEmpty() ? 0 : namedCut;
    }

    public static SampleSelector of(Percentage sample, long runNumber) {
        return of(sample, runNumber, RecheckSlices.NONE);
    }

    /**
     * This run's slice, and the slices the previous run asked to read again, in the previous run's cut (when it cut
     * the files into as many slices, its slices are this run's).
     */
    public static SampleSelector of(Percentage sample, long runNumber, RecheckSlices recheck) {
        int slices = slicesFor(sample);
        int slice = (int) Math.floorMod(runNumber, (long) slices);
        Set<Integer> named = new TreeSet<>();
        for (int number : recheck.numbers()) {
            if (number >= 1 && number <= recheck.slices()) {
                named.add(number - 1);
            }
        }
        return new SampleSelector(slices, slice, recheck.slices(), named);
    }

    /** t = ceil(100 / N); 1 for 100% and above. */
    public static int slicesFor(Percentage sample) {
        if (!(sample.value() > 0)) {
            throw new IllegalArgumentException("a sample must be more than 0%");
        }
        BigDecimal slices = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(sample.value()), 0,
                RoundingMode.CEILING);
        if (slices.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("a sample of " + sample + " is too small");
        }
        return Math.max(1, slices.intValueExact());
    }

    /** The slice (0 to t-1) a file belongs to: the first 8 bytes of the SHA-256 of its UTF-8 path, modulo t. */
    public static int sliceOf(String relativePath, int slices) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(relativePath.getBytes(StandardCharsets.UTF_8));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(hash).getLong(), slices);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Whether this run reads the file with this path inside its backup. */
    public boolean selects(String relativePath) {
        if (slices == 1 || namedCut == 1) {
            return true;
        }
        int of = sliceOf(relativePath, slices);
        if (of == slice) {
            return true;
        }
        return !named.isEmpty() && named.contains(namedCut == slices ? of : sliceOf(relativePath, namedCut));
    }

    /** Whether the previous run named slices to read again. */
    public boolean namedAny() {
        return !named.isEmpty();
    }

    /**
     * Whether the previous run named the slice of a file known by this path: the same file's path under the plan as
     * it was then (with {@code scope: all} its path on the target, with {@code scope: latest} its path inside its
     * backup, without or with the date of another name pattern), which this run's slice may not cover.
     */
    public boolean namedBefore(String path) {
        return !named.isEmpty() && named.contains(sliceOf(path, namedCut));
    }

    /** The slice number (from 1, as reports count) of the file with this path inside its backup. */
    public int sliceNumberOf(String relativePath) {
        return slices == 1 ? 1 : sliceOf(relativePath, slices) + 1;
    }

    /**
     * The slices (counted from 1, in the cut of {@link #againSlices}) read again because the previous run found
     * problems in them; none usually.
     */
    public Set<Integer> againNumbers() {
        return named.stream().filter(n -> namedCut != slices || n != slice).map(n -> n + 1)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** How many slices the cut of {@link #againNumbers} has: this run's t, or the previous run's when it differed. */
    public int againSlices() {
        return againNumbers().isEmpty() ? slices : namedCut;
    }

    public boolean readsEverything() {
        return slices == 1;
    }

    /** t, the number of runs that together read every file once. */
    public int slices() {
        return slices;
    }

    /** This run's slice, counted from 1 as in "sample 3/10". */
    public int sliceNumber() {
        return slice + 1;
    }

    @Override
    public String toString() {
        String own = "sample " + sliceNumber() + "/" + slices;
        Set<Integer> again = againNumbers();
        if (again.isEmpty()) {
            return own;
        }
        String which = namedCut == 1 ? "everything" : again.size() > 20 ? again.size() + " slices of " + namedCut
                : again.stream().map(n -> n + "/" + namedCut).collect(Collectors.joining(", "));
        return own + " and again " + which + ", where the previous run found problems";
    }
}
