package io.backupverify.engine.plan;

/**
 * Whether the store prevents backups from being changed or deleted (S3 Object Lock, Azure immutability policies)
 * for at least {@code minRetention}. Stores that cannot enforce it give the {@code unknown} verdict.
 */
public record ImmutabilitySpec(Boolean required, DurationValue minRetention, UnknownVerdict unknown) {
    public ImmutabilitySpec {
        required = required == null ? Boolean.TRUE : required;
        unknown = unknown == null ? UnknownVerdict.ERROR : unknown;
    }
}
