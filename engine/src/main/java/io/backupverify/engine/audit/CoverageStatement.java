package io.backupverify.engine.audit;

import io.backupverify.engine.history.SetLedger;

/**
 * What the coverage ledger says about one set: whether every listed file was read and verified within
 * {@code fullWithin}.
 *
 * @param staleness the ledger's answer, or null when the set has no ledger
 * @param statement the answer in one sentence
 */
public record CoverageStatement(String set, SetLedger.Staleness staleness, String statement) {
    public boolean complete() {
        return staleness != null && staleness.files() > 0 && staleness.stale() == 0;
    }
}
