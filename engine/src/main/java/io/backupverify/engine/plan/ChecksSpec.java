package io.backupverify.engine.plan;

/**
 * The checks configured for a backup set. A check whose key is absent does not run; each present one must be
 * complete. New checks add a key here.
 */
public record ChecksSpec(FreshnessSpec freshness, CompletenessSpec completeness, IntegritySpec integrity,
        RetentionSpec retention, WindowSpec window, CapacitySpec capacity, EncryptionSpec encryption,
        AccessSpec access, ImmutabilitySpec immutability, CopiesSpec copies,
        ReadableSpec readable) {
    public ChecksSpec(FreshnessSpec freshness, CompletenessSpec completeness, IntegritySpec integrity,
            RetentionSpec retention, WindowSpec window, CapacitySpec capacity, EncryptionSpec encryption,
            AccessSpec access, ImmutabilitySpec immutability, CopiesSpec copies) {
        this(freshness, completeness, integrity, retention, window, capacity, encryption, access, immutability, copies,
                null);
    }

    public boolean isEmpty() {
        return freshness == null && completeness == null && integrity == null && retention == null && window == null
                && capacity == null
                && encryption == null && access == null && immutability == null && copies == null
                && readable == null;
    }
}
