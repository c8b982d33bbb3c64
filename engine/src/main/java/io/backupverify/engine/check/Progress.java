package io.backupverify.engine.check;

/** Hears how far a long check has come, for progress displays. Implementations must be thread-safe. */
public interface Progress {
    Progress NONE = new Progress() {
    };

    /** A check starts work on a known amount of data, or on an amount not known in advance (files and bytes -1). */
    default void begin(String setName, String checkId, long files, long bytes) {
    }

    /** Some files or bytes were read. */
    default void advance(long files, long bytes) {
    }

    /** The check that last called begin is done. */
    default void end() {
    }
}
