package io.backupverify.engine.check;

import java.util.List;
import java.util.Set;

/**
 * Which files a check listed and which of them it read and verified in this run, named by the key that keeps a
 * file's identity from run to run (for integrity: the path that decides its sample slice). It is never written into
 * a report; the coverage ledger keeps it.
 *
 * @param listed   every file the check was asked to verify, read this run or not
 * @param verified the listed files that were read and matched their expectation this run
 */
public record FileCoverage(List<String> listed, Set<String> verified) {
    public FileCoverage {
        listed = List.copyOf(listed);
        verified = Set.copyOf(verified);
    }
}
