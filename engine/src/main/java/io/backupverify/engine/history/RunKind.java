package io.backupverify.engine.history;

import java.util.Locale;

/** What a recorded run did: verified backups or test-restored them. */
public enum RunKind {
    VERIFY, RESTORE_TEST;

    /** The name used in history files: {@code verify}, {@code restore-test}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RunKind fromId(String id) {
        for (RunKind kind : values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown run kind '" + id + "'");
    }
}
