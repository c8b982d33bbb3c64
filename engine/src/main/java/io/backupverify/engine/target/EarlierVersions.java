package io.backupverify.engine.target;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A store that may keep earlier versions of its files after they were overwritten or deleted (S3 versioning): the
 * data of a backup deleted there is still kept until the version itself is removed.
 */
public interface EarlierVersions {
    /**
     * The versions below the target that are no longer current (overwritten, or deleted behind a delete marker) and
     * were written before {@code writtenBefore}: the first {@code named} of them, each as a file entry whose time is
     * when that version was written, and how many there are. Delete markers hold no data and are not counted. A
     * store that keeps no versions has none.
     *
     * @throws UnansweredException when the store will not say whether it keeps versions
     */
    Kept earlierVersions(Instant writtenBefore, int named) throws IOException;

    /** The first versions found and how many there are in all. */
    record Kept(List<Entry> named, long count) {
        public Kept {
            named = List.copyOf(named);
        }
    }
}
