package io.backupverify.engine.plan;

import java.util.Locale;

/** What capacity measures: the target's whole storage, or only this set's backups against a quota. */
public enum CapacityMeasure {
    /** The used space the target reports (a file system's, a bucket's): everything stored there counts. */
    FILESYSTEM,
    /** The sum of this set's backups, compared with {@code quota}: for a set that shares its disk. */
    BACKUPS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CapacityMeasure fromKey(String key) {
        for (CapacityMeasure measure : values()) {
            if (measure.key().equals(key)) {
                return measure;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a capacity measure; use filesystem or backups");
    }
}
