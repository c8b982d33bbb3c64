package io.backupverify.engine.history;

import io.backupverify.engine.check.FileCoverage;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one check of one set read in a run, for the coverage ledger.
 *
 * @param complete whether the listing is the set's whole list of files (the check did not end in ERROR)
 */
public record SetCoverage(String set, FileCoverage coverage, boolean complete) {
    public SetCoverage {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(coverage, "coverage");
    }

    /** The coverage of every check of a run that kept one. */
    public static List<SetCoverage> of(RunResult run) {
        List<SetCoverage> coverages = new ArrayList<>();
        for (SetResult set : run.sets()) {
            for (var check : set.checks()) {
                check.coverage().ifPresent(coverage -> coverages.add(new SetCoverage(set.name(), coverage,
                        check.status() != Status.ERROR)));
            }
        }
        return coverages;
    }
}
