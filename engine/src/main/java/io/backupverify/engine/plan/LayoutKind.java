package io.backupverify.engine.plan;

import java.util.StringJoiner;

/** How backups are laid out on a target. */
public enum LayoutKind {
    /** Each direct subfolder matching the name pattern is one backup; its manifest sits inside it. */
    DIRECTORY_PER_BACKUP("directory-per-backup"),
    /** Each matching file is one backup, checksummed by a sidecar or a manifest in the target folder. */
    FILE_PER_BACKUP("file-per-backup");

    private final String key;

    LayoutKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    // Loops rather than streams here and in Plan: they run while every command starts, where a stream's classes and
    // lambdas cost more than the work.
    public static LayoutKind fromKey(String key) {
        StringJoiner keys = new StringJoiner(", ");
        for (LayoutKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
            keys.add(kind.key);
        }
        throw new IllegalArgumentException("'" + key + "' is not a layout kind; use one of " + keys);
    }
}
