package io.backupverify.engine.plan;

import java.util.Arrays;
import java.util.stream.Collectors;

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

    public static LayoutKind fromKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + key + "' is not a layout kind; use one of "
                        + Arrays.stream(values()).map(LayoutKind::key).collect(Collectors.joining(", "))));
    }
}
