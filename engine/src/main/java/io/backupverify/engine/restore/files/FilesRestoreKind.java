package io.backupverify.engine.restore.files;

import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.backup.ChecksumFileNames;
import io.backupverify.engine.plan.FilesRestoreSpec;
import io.backupverify.engine.restore.RestoreJob;
import io.backupverify.engine.restore.RestoreKind;
import io.backupverify.engine.restore.RestoreRefusedException;
import io.backupverify.engine.restore.Restored;
import io.backupverify.engine.target.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code kind: files}: copies every file of the backup from the target into the scratch folder, keeping the
 * folder structure. Symbolic links on the target are not followed and not copied.
 */
public final class FilesRestoreKind implements RestoreKind<FilesRestoreSpec> {
    @Override
    public String name() {
        return "files";
    }

    @Override
    public Class<FilesRestoreSpec> specType() {
        return FilesRestoreSpec.class;
    }

    @Override
    public Restored restore(FilesRestoreSpec spec, RestoreJob job) throws IOException {
        Path root = Files.createDirectory(job.scratch().resolve("restored"));
        BackupContents contents = job.contents();
        long files = 0;
        long bytes = 0;
        long dataFiles = 0;
        long dataBytes = 0;
        for (Entry entry : contents.entries()) {
            if (!entry.isFile()) {
                continue;
            }
            String relative = contents.relativePath(entry);
            Path destination = root.resolve(relative).normalize();
            if (relative.isEmpty() || !destination.startsWith(root) || destination.equals(root)) {
                throw new RestoreRefusedException(entry.path(), "the name would land outside the scratch folder");
            }
            job.fetch(entry.path(), destination);
            files++;
            long size = Files.size(destination);
            bytes += size;
            if (!ChecksumFileNames.isMetadataFile(entry.name())) {
                dataFiles++;
                dataBytes += size;
            }
        }
        if (dataFiles == 0) {
            throw new RestoreRefusedException(job.backup().id(), "the backup holds no data file to restore"
                    + (files == 0 ? "" : ", only checksum and marker files"));
        }
        if (dataBytes == 0) {
            throw new RestoreRefusedException(job.backup().id(), "the restore produced only empty files ("
                    + dataFiles + " data files, 0 bytes)");
        }
        return Restored.folder(root, files, bytes, List.of());
    }
}
