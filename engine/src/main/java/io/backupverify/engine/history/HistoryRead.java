package io.backupverify.engine.history;

import java.util.List;

/**
 * What reading the history found: the runs in the period asked for, oldest first, and the files that could not
 * be read, each with the reason. A damaged file is never fatal; it is named so someone can look at it.
 */
public record HistoryRead(List<RunRecord> runs, List<DamagedFile> damaged) {
    public HistoryRead {
        runs = List.copyOf(runs);
        damaged = List.copyOf(damaged);
    }

    /** A history file that was skipped. */
    public record DamagedFile(String file, String reason) {
    }
}
