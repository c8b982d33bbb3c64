package io.backupverify.engine.target;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A store that may keep the data of its files after they were overwritten or deleted: earlier versions (S3 and Azure
 * versioning), Azure blob snapshots and soft-deleted blobs. The data of a backup deleted there is still kept until
 * what keeps it is removed itself.
 */
public interface EarlierVersions {
    /**
     * What the store keeps below the target that is no longer a current file (an earlier version, a snapshot, a
     * deleted file still kept) and was written before {@code writtenBefore}: the first {@code named} of them, each as
     * a file entry whose time is when that data was written, and how many there are. Delete markers hold no data and
     * are not counted. A store that keeps nothing of the kind has none.
     *
     * @throws UnansweredException when the store will not say whether or what it keeps
     */
    Kept earlierVersions(Instant writtenBefore, int named) throws IOException;

    /**
     * Data the store still keeps: the file entry, what it is ("an earlier version") and what keeps it ("the store
     * keeps the versions of deleted and overwritten files (versioning)").
     */
    record KeptData(Entry entry, String what, String keptBy) {
    }

    /** The first kept data found and how many there are in all. */
    record Kept(List<KeptData> named, long count) {
        public Kept {
            named = List.copyOf(named);
        }
    }
}
