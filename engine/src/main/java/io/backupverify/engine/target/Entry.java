package io.backupverify.engine.target;

import java.time.Instant;

/**
 * A name on a target.
 *
 * @param path         the path relative to the target's root, with {@code /} separators
 * @param type         file, directory, symbolic link or anything else
 * @param size         bytes (0 for anything but files)
 * @param modified     the modification time
 * @param linkTarget   for a symbolic link: where it points, resolved and relative to the target's root, or the
 *                     link text as written when it points outside the root; null for other entries
 * @param linkInsideRoot for a symbolic link: whether it resolves to a place inside the target's root
 */
public record Entry(String path, EntryType type, long size, Instant modified, String linkTarget,
        boolean linkInsideRoot) {

    public static Entry file(String path, long size, Instant modified) {
        return new Entry(path, EntryType.FILE, size, modified, null, false);
    }

    public static Entry directory(String path, Instant modified) {
        return new Entry(path, EntryType.DIRECTORY, 0, modified, null, false);
    }

    /** The last segment of the path. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public boolean isFile() {
        return type == EntryType.FILE;
    }

    public boolean isDirectory() {
        return type == EntryType.DIRECTORY;
    }
}
