package io.backupverify.engine.check;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The sample slices of a set's integrity check that its next run reads again besides its own: those in which this
 * run found a file it could not verify (changed, cut short, unreadable; for restic, a subset whose check did not
 * pass). A sampled run that FAILs is otherwise followed by one reading another slice, which passes while the broken
 * file waits for its slice to come round again, t runs later: a job retried after the failure, or the next night's,
 * turns green with nothing fixed. The slices travel in the check's {@value #METRIC} metric (such as {@code "3,7"},
 * counted from 1 as reports count them), which the history keeps.
 *
 * @param slices  how many slices the sample had (t); slices of another cut do not apply
 * @param numbers the slice numbers, from 1 to t
 */
public record RecheckSlices(int slices, Set<Integer> numbers) {
    public static final String METRIC = "recheckSlices";
    public static final RecheckSlices NONE = new RecheckSlices(0, Set.of());

    public RecheckSlices {
        numbers = Set.copyOf(new TreeSet<>(numbers));
    }

    public static RecheckSlices of(int slices, Collection<Integer> numbers) {
        return new RecheckSlices(slices, new TreeSet<>(numbers));
    }

    /**
     * What a recorded integrity check asks of the next run: its {@value #METRIC} metric with its {@code sampleSlices},
     * when it did not pass; {@link #NONE} otherwise or when the values are not what this class writes.
     */
    public static RecheckSlices recorded(Status status, Object slices, Object text) {
        if (status == Status.PASS || !(slices instanceof Number count) || !(text instanceof String list)
                || list.isBlank()) {
            return NONE;
        }
        Set<Integer> numbers = new TreeSet<>();
        for (String part : list.split(",")) {
            try {
                numbers.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                return NONE;
            }
        }
        return new RecheckSlices(count.intValue(), numbers);
    }

    /** One line that {@link #decode} reads back ({@code "10:3,7"}), for carrying the slices to another machine. */
    public String encode() {
        return slices + ":" + text();
    }

    /** Reads what {@link #encode} wrote; {@link #NONE} for anything else. */
    public static RecheckSlices decode(String encoded) {
        int colon = encoded == null ? -1 : encoded.indexOf(':');
        if (colon < 1) {
            return NONE;
        }
        try {
            return recorded(Status.FAIL, Integer.parseInt(encoded.substring(0, colon)), encoded.substring(colon + 1));
        } catch (NumberFormatException e) {
            return NONE;
        }
    }

    public boolean isEmpty() {
        return numbers.isEmpty();
    }

    /** The metric's value: the slice numbers separated by commas. */
    public String text() {
        return numbers.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
