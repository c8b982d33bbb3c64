package io.backupverify.engine.target.azure;

import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobItemProperties;
import io.backupverify.engine.target.EarlierVersions.KeptData;
import io.backupverify.engine.target.Entry;
import java.time.Instant;
import java.util.Optional;

/**
 * What an Azure container keeps of a blob, from a listing with versions, snapshots and deleted blobs: the current
 * blob, an earlier version (blob versioning keeps one for every overwrite and delete), a snapshot (kept until it is
 * deleted itself, also after its blob is overwritten), or a soft-deleted blob (kept for the account's soft-delete
 * retention days). Each counts at its full size: Azure bills a version or snapshot only for the blocks it does not
 * share, so the used space may come out larger than billed, never smaller.
 */
final class AzureKeptBlobs {
    private AzureKeptBlobs() {
    }

    /** One listed item: its entry (path below the prefix, size, when its data was written) and what keeps it. */
    record Blob(Entry entry, boolean current, KeptData kept) {
    }

    /** Whether an answer to a listing with these details is a refusal rather than a fault: 400, 403, 409, 501. */
    static boolean refusal(int status) {
        return status == 400 || status == 403 || status == 409 || status == 501;
    }

    /** The item as kept data, or empty for a folder placeholder. */
    static Optional<Blob> of(BlobItem item, String prefix) {
        if (Boolean.TRUE.equals(item.isPrefix()) || item.getName().endsWith("/")
                || !item.getName().startsWith(prefix)) {
            return Optional.empty();
        }
        BlobItemProperties properties = item.getProperties();
        Instant written = properties == null || properties.getLastModified() == null ? Instant.EPOCH
                : properties.getLastModified().toInstant();
        long size = properties == null || properties.getContentLength() == null ? 0 : properties.getContentLength();
        Entry entry = Entry.file(item.getName().substring(prefix.length()), size, written);
        if (Boolean.TRUE.equals(item.isDeleted())) {
            Integer days = properties == null ? null : properties.getRemainingRetentionDays();
            String deleted = properties == null || properties.getDeletedTime() == null ? ""
                    : " (deleted " + properties.getDeletedTime().toInstant() + ")";
            return Optional.of(new Blob(entry, false, new KeptData(entry, "a soft-deleted blob" + deleted,
                    "the account's soft delete keeps deleted blobs for its retention days"
                            + (days == null ? "" : " (" + days + " more days)"))));
        }
        if (item.getSnapshot() != null) {
            return Optional.of(new Blob(entry, false, new KeptData(entry, "a snapshot (taken " + item.getSnapshot()
                    + ")", "a blob snapshot keeps the data it was taken of until the snapshot itself is deleted")));
        }
        if (item.getVersionId() != null && !Boolean.TRUE.equals(item.isCurrentVersion())) {
            return Optional.of(new Blob(entry, false, new KeptData(entry, "an earlier version",
                    "the account keeps the versions of deleted and overwritten blobs (blob versioning)")));
        }
        return Optional.of(new Blob(entry, true, null));
    }
}
