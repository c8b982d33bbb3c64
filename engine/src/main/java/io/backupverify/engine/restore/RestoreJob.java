package io.backupverify.engine.restore;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One restore test under way: the backup chosen, where it is, and the scratch folder it may restore into. Reads
 * of the backup go through {@link #open} so that the time spent fetching and the bytes fetched are measured.
 */
public final class RestoreJob {
    private final BackupSetSpec set;
    private final Target target;
    private final Backup backup;
    private final BackupContents contents;
    private final Path scratch;
    private final CredentialResolver credentials;
    private final FetchMeter fetchMeter;
    private final PreparationHandoff preparation;
    private final List<Cleanup> cleanups = new ArrayList<>();

    /** Something to undo after the test whatever its outcome, such as dropping a scratch database. */
    @FunctionalInterface
    public interface CleanupAction {
        void run() throws IOException, InterruptedException;
    }

    record Cleanup(String description, CleanupAction action) {
    }

    public RestoreJob(BackupSetSpec set, Target target, Backup backup, BackupContents contents, Path scratch,
            CredentialResolver credentials) {
        this(set, target, backup, contents, scratch, credentials, Progress.NONE);
    }

    /** A job whose reads of the backup are also told to {@code progress} (files opened, bytes read). */
    public RestoreJob(BackupSetSpec set, Target target, Backup backup, BackupContents contents, Path scratch,
            CredentialResolver credentials, Progress progress) {
        this(set, target, backup, contents, scratch, credentials, progress, PreparationHandoff.none());
    }

    RestoreJob(BackupSetSpec set, Target target, Backup backup, BackupContents contents, Path scratch,
            CredentialResolver credentials, Progress progress, PreparationHandoff preparation) {
        this.preparation = preparation;
        this.fetchMeter = new FetchMeter(progress);
        this.set = set;
        this.target = target;
        this.backup = backup;
        this.contents = contents;
        this.scratch = scratch;
        this.credentials = credentials;
    }

    public BackupSetSpec set() {
        return set;
    }

    public Backup backup() {
        return backup;
    }

    /**
     * The set's target, for a kind that restores with the target's own tool (restic's restore); every other read
     * of the backup goes through {@link #open}, which measures it.
     */
    public Target target() {
        return target;
    }

    /** Every entry of the backup, with paths relative to the target's root. */
    public BackupContents contents() {
        return contents;
    }

    /** The folder this test may write into; it is removed afterwards, whatever happens. */
    public Path scratch() {
        return scratch;
    }

    /** Credentials the plan names (for a database server the user names, say). */
    public CredentialResolver credentials() {
        return credentials;
    }

    /** Opens a file of the backup (a path relative to the target's root) and counts its reading as fetch time. */
    public InputStream open(String path) throws IOException {
        return fetchMeter.meter(target.open(path));
    }

    /**
     * Where a file or folder of the backup lies on this machine, for a restore tool to read it in place instead of
     * through a copy or a pipe: only on a local or mounted target, and only when the path and everything below it
     * are regular files and folders (no links, as {@link #open} follows none). Empty otherwise, and the backup is
     * read through {@link #open}. The bytes of the files below count as fetched (the tool reads them; its reading
     * time is part of the restore's).
     *
     * @param path a path relative to the target's root, as in {@link #contents()}
     */
    public Optional<Path> inPlace(String path) {
        Optional<Path> local = target.localPath(path);
        if (local.isEmpty() || !Files.exists(local.get(), LinkOption.NOFOLLOW_LINKS)
                || Files.isSymbolicLink(local.get())) {
            return Optional.empty();
        }
        long bytes = 0;
        for (io.backupverify.engine.target.Entry entry : contents.entries()) {
            boolean below = entry.path().equals(path) || path.isEmpty() || entry.path().startsWith(path + "/");
            if (below && !entry.isFile() && !entry.isDirectory()) {
                return Optional.empty();
            }
            if (below && entry.isFile()) {
                bytes += entry.size();
            }
        }
        fetchMeter.readInPlace(bytes);
        return local;
    }

    /** Copies a file of the backup into the scratch folder (which must not hold it yet) and returns the copy. */
    public Path fetch(String path, Path destination) throws IOException {
        checkInsideScratch(destination);
        Files.createDirectories(destination.getParent());
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = open(path);
                OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                checkInterrupted();
            }
        }
        return destination;
    }

    private void checkInsideScratch(Path destination) throws IOException {
        if (!destination.toAbsolutePath().normalize().startsWith(scratch.toAbsolutePath().normalize())) {
            throw new IOException("internal error: " + destination + " is outside the scratch folder");
        }
    }

    /** Registers something to undo after the test (run last first), described for the report. */
    public synchronized void onCleanup(String description, CleanupAction action) {
        cleanups.add(new Cleanup(description, action));
    }

    synchronized List<Cleanup> cleanups() {
        return List.copyOf(cleanups);
    }

    /**
     * The set-up the kind began for this test before it started ({@link RestoreKind#prepare}), if any and of this
     * type. It stays the test's to undo until the kind claims it with {@link #claimPreparation}.
     */
    public <P extends RestorePreparation> Optional<P> preparation(Class<P> type) {
        return preparation.get(type);
    }

    /**
     * Takes over the preparation: from now on it is undone by {@code undo}, registered as {@link #onCleanup} does.
     *
     * @return false when the test was stopped and has discarded it already
     */
    public synchronized boolean claimPreparation(String description, CleanupAction undo) {
        if (!preparation.claim()) {
            return false;
        }
        cleanups.add(new Cleanup(description, undo));
        return true;
    }

    /** How long the claimed preparation had been under way by {@code nanos}; 0 when none was claimed. */
    long claimedPreparationNanosBy(long nanos) {
        return preparation.claimedNanosUnderWayBy(nanos);
    }

    /**
     * For the clean-up at the end of the test: no preparation can be claimed any more; the cleanups registered and
     * the preparation nobody claimed (to discard).
     */
    synchronized Closing close() {
        return new Closing(List.copyOf(cleanups), preparation.close());
    }

    record Closing(List<Cleanup> cleanups, Optional<RestorePreparation> unclaimed) {
    }

    FetchMeter fetchMeter() {
        return fetchMeter;
    }

    /** Stops a long restore when the test is abandoned (timeout, shutdown). */
    public static void checkInterrupted() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("the restore test was stopped");
        }
    }
}
