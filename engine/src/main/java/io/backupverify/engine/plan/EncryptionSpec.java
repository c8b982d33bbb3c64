package io.backupverify.engine.plan;

/**
 * Encryption at rest (each data file, or the store's own encryption) and in transit (the way the target is
 * reached), and the age of the keys where the store can tell it. {@code scope} picks the backups whose files are
 * examined; {@code unknown} is the verdict when the store cannot answer.
 */
public record EncryptionSpec(Requirement atRest, Requirement inTransit, DurationValue maxKeyAge,
        IntegrityScope scope, UnknownVerdict unknown) {
    public EncryptionSpec {
        atRest = atRest == null ? Requirement.REQUIRED : atRest;
        inTransit = inTransit == null ? Requirement.REQUIRED : inTransit;
        scope = scope == null ? IntegrityScope.LATEST : scope;
        unknown = unknown == null ? UnknownVerdict.ERROR : unknown;
    }
}
