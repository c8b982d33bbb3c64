package io.backupverify.engine.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One set's coverage ledger: every listed file, sorted by name, with when it was last verified (epoch seconds,
 * -1 when never).
 */
public final class SetLedger {
    private final String set;
    private final Instant updatedAt;
    private final String[] keys;
    private final long[] verifiedAt;

    SetLedger(String set, Instant updatedAt, String[] keys, long[] verifiedAt) {
        this.set = set;
        this.updatedAt = updatedAt;
        this.keys = keys;
        this.verifiedAt = verifiedAt;
    }

    static SetLedger empty(String set) {
        return new SetLedger(set, Instant.EPOCH, new String[0], new long[0]);
    }

    public String set() {
        return set;
    }

    /** When a run last updated the ledger. */
    public Instant updatedAt() {
        return updatedAt;
    }

    public int size() {
        return keys.length;
    }

    String key(int index) {
        return keys[index];
    }

    long verifiedAtSeconds(int index) {
        return verifiedAt[index];
    }

    /** When the file was last verified, in epoch seconds; -1 when never or when the file is not in the ledger. */
    public long verifiedAtSeconds(String key) {
        int at = Arrays.binarySearch(keys, key);
        return at < 0 ? -1 : verifiedAt[at];
    }

    /**
     * The files not verified since {@code cutoff}.
     *
     * @param maxNamed how many of them to name, oldest (or never verified) first
     */
    public Staleness notVerifiedSince(Instant cutoff, int maxNamed) {
        long limit = cutoff.getEpochSecond();
        List<Integer> stale = new ArrayList<>();
        long oldest = Long.MAX_VALUE;
        int never = 0;
        for (int i = 0; i < keys.length; i++) {
            if (verifiedAt[i] < limit) {
                stale.add(i);
                if (verifiedAt[i] < 0) {
                    never++;
                } else {
                    oldest = Math.min(oldest, verifiedAt[i]);
                }
            }
        }
        stale.sort((a, b) -> Long.compare(verifiedAt[a], verifiedAt[b]));
        List<String> named = stale.stream().limit(Math.max(0, maxNamed)).map(i -> keys[i]).toList();
        return new Staleness(keys.length, stale.size(), never,
                oldest == Long.MAX_VALUE ? null : Instant.ofEpochSecond(oldest), named);
    }

    /**
     * @param files    files in the ledger
     * @param stale    files not verified since the cutoff (including never verified)
     * @param never    files never verified
     * @param oldest   the oldest verification among the stale files that were ever verified, or null
     * @param examples the first stale files by name, oldest first
     */
    public record Staleness(int files, int stale, int never, Instant oldest, List<String> examples) {
        public Staleness {
            examples = List.copyOf(examples);
        }
    }
}
