package io.backupverify.engine.check.integrity;

import io.backupverify.engine.plan.Percentage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Picks the rotating share of files a sampled run reads. A sample of N% splits the files into
 * t = ceil(100 / N) slices by a stable hash of each file's path inside its backup; run number r reads slice
 * r mod t. Over any t consecutive run numbers every file is read exactly once.
 */
public final class SampleSelector {
    private final int slices;
    private final int slice;

    private SampleSelector(int slices, int slice) {
        this.slices = slices;
        this.slice = slice;
    }

    public static SampleSelector of(Percentage sample, long runNumber) {
        int slices = slicesFor(sample);
        return new SampleSelector(slices, (int) Math.floorMod(runNumber, (long) slices));
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
        return slices == 1 || sliceOf(relativePath, slices) == slice;
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
        return "sample " + sliceNumber() + "/" + slices;
    }
}
