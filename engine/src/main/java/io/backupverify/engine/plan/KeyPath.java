package io.backupverify.engine.plan;

/** Key paths as users read them: {@code backupSets[0].checks.freshness.maxAge}. */
final class KeyPath {
    private KeyPath() {
    }

    /** The path one level up, or the empty path. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
