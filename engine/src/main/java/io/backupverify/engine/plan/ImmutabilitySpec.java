package io.backupverify.engine.plan;

/**
 * Whether the store prevents backups from being changed or deleted (S3 Object Lock, Azure immutability policies)
 * for at least {@code minRetention}. Stores that cannot enforce it give the {@code unknown} verdict. {@code mode}
 * is the weakest lock accepted: {@code compliance} (the default) only locks nobody can lift; {@code governance}
 * also S3 GOVERNANCE mode and Azure policies that are not locked.
 */
public record ImmutabilitySpec(Boolean required, DurationValue minRetention, UnknownVerdict unknown, Mode mode) {
    public ImmutabilitySpec {
        required = required == null ? Boolean.TRUE : required;
        unknown = unknown == null ? UnknownVerdict.ERROR : unknown;
        mode = mode == null ? Mode.COMPLIANCE : mode;
    }

    /** The weakest lock a plan accepts. */
    public enum Mode {
        COMPLIANCE, GOVERNANCE;

        public String key() {
            return PlanKeyword.key(this);
        }

        public static Mode fromKey(String key) {
            return PlanKeyword.parse(Mode.class, key, "a lock mode");
        }
    }
}
