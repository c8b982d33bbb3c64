package io.backupverify.engine.check.integrity;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Turns names written in a manifest into paths inside a backup, refusing any that leave it. */
final class BackupPaths {
    private BackupPaths() {
    }

    /**
     * The path inside the backup that a manifest name stands for.
     *
     * @param folder the manifest's folder inside the backup ("" for the backup's top)
     * @param name   the name as the manifest writes it
     * @return the normalised path, or empty when the name is absolute, climbs out of the backup with {@code ..}
     *         or names no file
     */
    static Optional<String> resolve(String folder, String name) {
        if (name.startsWith("/")) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : (folder.isEmpty() ? name : folder + "/" + name).split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    /** The folder part of a path ("" when it has none). */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last segment of a path. */
    static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
