package io.backupverify.engine.plan;

import java.util.List;

/**
 * The 3-2-1 rule: the newest backup of this set must also be at each set named in {@code at}, with the same
 * content; together the copies must number at least {@code minCopies} (this one included), on at least
 * {@code minProviders} distinct providers, {@code offsite} of them off-site. {@code compare: content} (the
 * default) reads every file on both sides; {@code manifest} compares the checksum manifests of both sides
 * without reading the files, trusting each side's integrity check for its bytes.
 */
public record CopiesSpec(List<String> at, Integer minCopies, Integer minProviders, Integer offsite,
        Comparison compare) {
    public CopiesSpec {
        at = at == null ? List.of() : List.copyOf(at);
        minCopies = minCopies == null ? at.size() + 1 : minCopies;
        minProviders = minProviders == null ? 1 : minProviders;
        offsite = offsite == null ? 0 : offsite;
        compare = compare == null ? Comparison.CONTENT : compare;
    }

    /** How copies are compared. */
    public enum Comparison {
        CONTENT, MANIFEST;

        public String key() {
            return PlanKeyword.key(this);
        }

        public static Comparison fromKey(String key) {
            return PlanKeyword.parse(Comparison.class, key, "a way to compare copies");
        }
    }
}
