package io.backupverify.engine.restore.restic;

import io.backupverify.engine.plan.ByteSize;
import io.backupverify.engine.plan.ResticRestoreSpec;
import io.backupverify.engine.restore.RestoreJob;
import io.backupverify.engine.restore.RestoreKind;
import io.backupverify.engine.restore.RestoreRefusedException;
import io.backupverify.engine.restore.Restored;
import io.backupverify.engine.target.SnapshotRestore;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * {@code kind: restic}: {@code restic restore} of the chosen snapshot into the scratch folder. restic fetches,
 * decrypts and writes in one step, so the whole of it is reported as restore time (fetch time stays 0). A snapshot
 * whose data restic finds damaged is a FAIL naming the snapshot; a repository restic cannot open is an ERROR. A
 * snapshot whose files add up to more than {@code limits.maxSize} is refused (FAIL) before restic writes anything,
 * and checked once more against what restic wrote.
 */
public final class ResticRestoreKind implements RestoreKind<ResticRestoreSpec> {
    @Override
    public String name() {
        return "restic";
    }

    @Override
    public Class<ResticRestoreSpec> specType() {
        return ResticRestoreSpec.class;
    }

    @Override
    public Restored restore(ResticRestoreSpec spec, RestoreJob job) throws IOException, InterruptedException {
        if (!(job.target() instanceof SnapshotRestore restic)) {
            throw new IOException("kind restic needs a restic target, not " + job.target().description());
        }
        ByteSize maxSize = spec.limits().maxSize();
        long size = restic.restoreSize(job.backup().id());
        if (size > maxSize.bytes()) {
            throw tooLarge(job, "the snapshot's files add up to " + ByteSize.format(size), maxSize);
        }
        Path into = Files.createDirectory(job.scratch().resolve("restored"));
        Path folder;
        try {
            folder = restic.restore(job.backup().id(), into, spec.verify());
        } catch (SnapshotRestore.UnrestorableException e) {
            throw new RestoreRefusedException(job.backup().id(), e.getMessage());
        }
        if (!folder.normalize().startsWith(into)) {
            throw new IOException("internal error: " + folder + " is outside the scratch folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new RestoreRefusedException(job.backup().id(), "restic restore wrote no folder for the snapshot's "
                    + "path; the snapshot holds nothing to restore");
        }
        long[] counted = count(into);
        if (counted[1] > maxSize.bytes()) {
            throw tooLarge(job, "restic restore wrote " + ByteSize.format(counted[1]), maxSize);
        }
        if (!into.equals(folder)) {
            counted = count(folder);
        }
        return Restored.folder(folder, counted[0], counted[1], List.of());
    }

    /** As an archive restore refuses an archive that expands past the limit: a FAIL naming the snapshot. */
    private static RestoreRefusedException tooLarge(RestoreJob job, String what, ByteSize maxSize) {
        return new RestoreRefusedException(job.backup().id(), "refused: " + what + ", more than " + maxSize
                + " (restore.limits.maxSize raises the limit)");
    }

    /** Regular files and their bytes under the folder, links not followed. */
    private static long[] count(Path folder) throws IOException {
        long[] counted = new long[2];
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    counted[0]++;
                    counted[1] += attributes.size();
                }
                RestoreJob.checkInterrupted();
                return FileVisitResult.CONTINUE;
            }
        });
        return counted;
    }
}
