package io.backupverify.engine.history;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Where an audit finds when each file of a set was last verified: a coverage ledger, or several merged. */
@FunctionalInterface
public interface CoverageSource {
    /** The set's ledger, or empty when none was recorded; a damaged ledger is an IOException saying so. */
    Optional<SetLedger> read(String set) throws IOException;

    /**
     * Several ledgers as one (the jobs a Jenkins audit reads): every file any of them lists, with the latest time any
     * of them verified it. A damaged ledger makes the set's coverage unknown rather than silently smaller.
     */
    static CoverageSource merging(List<? extends CoverageSource> sources) {
        List<CoverageSource> all = List.copyOf(sources);
        return set -> {
            List<SetLedger> found = new ArrayList<>();
            for (CoverageSource source : all) {
                source.read(set).ifPresent(found::add);
            }
            if (found.size() <= 1) {
                return found.stream().findFirst();
            }
            TreeMap<String, Long> entries = new TreeMap<>();
            Instant updated = Instant.EPOCH;
            for (SetLedger ledger : found) {
                for (int i = 0; i < ledger.size(); i++) {
                    entries.merge(ledger.key(i), ledger.verifiedAtSeconds(i), Math::max);
                }
                updated = updated.isAfter(ledger.updatedAt()) ? updated : ledger.updatedAt();
            }
            return Optional.of(new SetLedger(set, updated, entries.keySet().toArray(String[]::new),
                    entries.values().stream().mapToLong(Long::longValue).toArray()));
        };
    }
}
