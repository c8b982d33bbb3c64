package io.backupverify.engine.check.integrity;

import java.util.Arrays;

/**
 * An int for each of many rows, kept as runs of rows with the same value: the backup, manifest and algorithm of a
 * read list's rows change rarely, so a run each costs next to nothing however many rows there are.
 */
final class Runs {
    private int[] starts = new int[4];
    private int[] values = new int[4];
    private int runs;

    /** Gives a row, added after every earlier one, its value. */
    void set(int row, int value) {
        if (runs > 0 && values[runs - 1] == value) {
            return;
        }
        if (runs == starts.length) {
            starts = Arrays.copyOf(starts, runs * 2);
            values = Arrays.copyOf(values, runs * 2);
        }
        starts[runs] = row;
        values[runs] = value;
        runs++;
    }

    int get(int row) {
        return values[run(row)];
    }

    /** The first row of the run that holds a row. */
    int start(int row) {
        return starts[run(row)];
    }

    private int run(int row) {
        int at = Arrays.binarySearch(starts, 0, runs, row);
        return at >= 0 ? at : -at - 2;
    }
}
