package io.backupverify.engine.check;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sample slices of a set's integrity check that its next run reads again besides its own: those in which this
 * run found a file it could not verify (changed, cut short, unreadable; for restic, a subset whose check did not
 * pass). A sampled run that FAILs is otherwise followed by one reading another slice, which passes while the broken
 * file waits for its slice to come round again, t runs later: a job retried after the failure, or the next night's,
 * turns green with nothing fixed. The slices travel in the check's {@value #METRIC} metric (such as {@code "3,7"} or
 * {@code "3-5,9"}, counted from 1 as reports count them) with its {@code sampleSlices}, which the history keeps.
 *
 * <p>The slices belong to the cut of the run that named them ({@code slices}): a later run cut into another number
 * of slices (its sample changed) reads again the files that fall in them by that cut, so they survive any change of
 * the sample. A run that read everything (t = 1) names its one slice, so that a later sampled run reads everything
 * again until it verifies.
 *
 * @param slices  how many slices the sample had (t) when they were named
 * @param numbers the slice numbers, from 1 to t
 */
public record RecheckSlices(int slices, Set<Integer> numbers) {
    public static final String METRIC = "recheckSlices";
    public static final RecheckSlices NONE = new RecheckSlices(0, Set.of());
    /**
     * The longest {@value #METRIC} text written: a longer list (failures spread over hundreds of slices) names every
     * slice instead, which reads more, never less.
     */
    public static final int MAX_TEXT = 1000;

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
                || list.isBlank() || count.longValue() < 1 || count.longValue() > Integer.MAX_VALUE) {
            return NONE;
        }
        int cut = count.intValue();
        Set<Integer> numbers = new TreeSet<>();
        for (String part : list.split(",")) {
            int dash = part.indexOf('-');
            try {
                int from = Integer.parseInt((dash < 0 ? part : part.substring(0, dash)).strip());
                int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).strip());
                for (int number = Math.max(1, from); number <= Math.min(to, cut); number++) {
                    numbers.add(number);
                }
            } catch (NumberFormatException e) {
                return NONE;
            }
        }
        return new RecheckSlices(cut, numbers);
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

    /**
     * The metric's value: the slice numbers separated by commas, a run of three or more as {@code first-last}; every
     * slice ({@code 1-t}) when that would be longer than {@link #MAX_TEXT}.
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        int[] sorted = numbers.stream().mapToInt(Integer::intValue).sorted().toArray();
        for (int at = 0; at < sorted.length; ) {
            int end = at;
            while (end + 1 < sorted.length && sorted[end + 1] == sorted[end] + 1) {
                end++;
            }
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(sorted[at]);
            if (end - at >= 2) {
                text.append('-').append(sorted[end]);
            } else if (end > at) {
                text.append(',').append(sorted[end]);
            }
            at = end + 1;
        }
        if (text.length() > MAX_TEXT) {
            return slices == 1 ? "1" : "1-" + slices;
        }
        return text.toString();
    }
}
