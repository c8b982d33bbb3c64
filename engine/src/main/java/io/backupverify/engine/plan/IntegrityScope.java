package io.backupverify.engine.plan;

import java.util.Locale;

/** Which backups of a set the integrity and readable checks read. */
public enum IntegrityScope {
    LATEST, ALL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IntegrityScope fromKey(String key) {
        for (IntegrityScope scope : values()) {
            if (scope.key().equals(key)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a scope; use latest or all");
    }
}
