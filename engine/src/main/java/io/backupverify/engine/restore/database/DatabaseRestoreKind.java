package io.backupverify.engine.restore.database;

import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.plan.DatabaseRestoreSpec;
import io.backupverify.engine.plan.ValidationSpec;
import io.backupverify.engine.restore.RestoreJob;
import io.backupverify.engine.restore.RestoreKind;
import io.backupverify.engine.restore.RestorePreparation;
import io.backupverify.engine.restore.RestoreRefusedException;
import io.backupverify.engine.restore.Restored;
import io.backupverify.engine.restore.Validation;
import io.backupverify.engine.target.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database restore kinds: finds the dump in the backup by content, prepares a scratch database (on a server
 * started for the test or a named one; for the run's first test while its target is listed), restores the dump into it while it is fetched from the target (a
 * directory-format dump, or one restored with several jobs, is fetched into the scratch folder first), and
 * registers the scratch database's removal with the job.
 *
 * @param <S> the plan spec
 */
abstract class DatabaseRestoreKind<S extends DatabaseRestoreSpec> implements RestoreKind<S> {
    /** The restore's own limit; the restore test's timeout stops it sooner. */
    private static final Duration TOOL_LIMIT = Duration.ofDays(2);

    abstract boolean postgres();

    @Override
    public Restored restore(S spec, RestoreJob job) throws IOException, InterruptedException {
        BackupContents contents = job.contents();
        Map<String, Entry> files = new LinkedHashMap<>();
        for (Entry entry : contents.entries()) {
            if (entry.isFile()) {
                files.put(contents.relativePath(entry), entry);
            }
        }
        Optional<DumpFormat> wanted = "auto".equals(spec.format()) ? Optional.empty()
                : java.util.Arrays.stream(DumpFormat.values()).filter(f -> f.planName().equals(spec.format()))
                        .findFirst();
        DumpLocator.Located located = DumpLocator.locate(List.copyOf(files.keySet()), (name, bytes) -> {
            try (InputStream in = job.open(files.get(name).path())) {
                return in.readNBytes(bytes);
            }
        }, postgres(), wanted, spec.file());
        if (!located.found()) {
            if (located.unsupported()) {
                throw new IOException(located.problem()); // nothing wrong with the backup: the test cannot run
            }
            throw new RestoreRefusedException(job.backup().id(), located.problem());
        }
        DumpSource source = source(located, files, spec.jobs(), job);
        DatabaseRestoreSession session = session(spec, job);
        DatabaseRestorer.Outcome outcome = session.restore(source, located.format(), spec.jobs(), TOOL_LIMIT);
        if (outcome.dumpAtFault()) {
            throw new RestoreRefusedException(dumpName(job, located), outcome.problem());
        }
        if (!outcome.restored()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("the restore test was stopped");
            }
            throw new IOException(outcome.problem());
        }
        long bytes = located.format() == DumpFormat.POSTGRES_DIRECTORY
                ? files.entrySet().stream().filter(e -> inFolder(e.getKey(), located.name()))
                        .mapToLong(e -> e.getValue().size()).sum()
                : files.get(located.name()).size();
        long count = located.format() == DumpFormat.POSTGRES_DIRECTORY
                ? files.keySet().stream().filter(name -> inFolder(name, located.name())).count() : 1;
        return new DatabaseRestored(job.scratch(), session, count, bytes);
    }

    /**
     * The scratch database: the one set up while the target was listed, when the run began that, else one made now;
     * either way its removal is registered with the job.
     */
    private DatabaseRestoreSession session(S spec, RestoreJob job) throws IOException, InterruptedException {
        Optional<PreparedSession> prepared = job.preparation(PreparedSession.class);
        DatabaseRestoreSession session;
        try {
            session = prepared.isPresent() ? prepared.get().await()
                    : DatabaseRestoreSession.open(options(spec), job.credentials(), homeParent(job.scratch()),
                            Instant.now());
        } catch (DatabaseRestoreSession.SetupException e) {
            throw new IOException(e.getMessage());
        }
        for (String note : session.notes()) {
            job.onCleanup(note, () -> { });
        }
        String description = "scratch database " + session.database().name() + " on " + session.serverDescription()
                + (session.startedServer() ? " (server stopped, its files deleted)" : "");
        RestoreJob.CleanupAction drop = () -> {
            List<String> said = session.cleanUp();
            if (!session.database().isDropped()) {
                throw new IOException(said.get(0));
            }
        };
        if (prepared.isEmpty()) {
            job.onCleanup(description, drop);
        } else if (!job.claimPreparation(description, drop)) {
            // the test was stopped meanwhile and has dropped the database itself
            throw new java.io.InterruptedIOException("the restore test was stopped");
        }
        return session;
    }

    @Override
    public Optional<RestorePreparation> prepare(S spec, Path scratchRoot, CredentialResolver credentials) {
        if (!Files.isDirectory(scratchRoot)) {
            return Optional.empty(); // the test says so when it makes its scratch folder; nothing is made here
        }
        return Optional.of(PreparedSession.begin(options(spec), credentials, scratchRoot.toAbsolutePath()));
    }

    private static String dumpName(RestoreJob job, DumpLocator.Located located) {
        return located.name().isEmpty() ? job.backup().id() : located.name();
    }

    private static Path homeParent(Path scratch) {
        return scratch.toAbsolutePath().getParent();
    }

    private DumpSource source(DumpLocator.Located located, Map<String, Entry> files, int jobs, RestoreJob job)
            throws IOException {
        boolean directory = located.format() == DumpFormat.POSTGRES_DIRECTORY;
        if (located.format().isArchive()) {
            // pg_restore reads a dump on a local target itself, as it would by hand: no pipe, no copy, and
            // parallel jobs without fetching the dump first
            String path = directory ? folderPath(job, located.name()) : files.get(located.name()).path();
            Optional<Path> local = job.inPlace(path);
            if (local.isPresent()) {
                return DumpSource.local(local.get());
            }
        }
        if (!directory && !(jobs > 1 && located.format() == DumpFormat.POSTGRES_CUSTOM)) {
            String path = files.get(located.name()).path();
            return DumpSource.streamed(located.name(), () -> job.open(path));
        }
        Path root = job.scratch().resolve("dump");
        Files.createDirectories(root);
        for (Map.Entry<String, Entry> file : files.entrySet()) {
            if (directory ? inFolder(file.getKey(), located.name()) : file.getKey().equals(located.name())) {
                Path destination = root.resolve(file.getKey()).normalize();
                if (!destination.startsWith(root) || destination.equals(root)) {
                    throw new RestoreRefusedException(file.getValue().path(),
                            "the name would land outside the scratch folder");
                }
                job.fetch(file.getValue().path(), destination);
            }
        }
        return DumpSource.local(located.name().isEmpty() ? root : root.resolve(located.name()));
    }

    /** The target path of a folder of the backup named relative to it ({@code ""}: the backup itself). */
    private static String folderPath(RestoreJob job, String folder) {
        String backup = job.backup().path();
        return folder.isEmpty() ? backup : backup.isEmpty() ? folder : backup + "/" + folder;
    }

    private static boolean inFolder(String name, String folder) {
        return folder.isEmpty() || name.startsWith(folder + "/");
    }

    private DatabaseRestoreOptions options(S spec) {
        return new DatabaseRestoreOptions(postgres(), Optional.empty(), spec.file(), spec.database().url(),
                spec.database().credentialsId(), spec.jobs(), statementTimeout(spec));
    }

    private static Duration statementTimeout(DatabaseRestoreSpec spec) {
        return spec.statementTimeout() == null ? DatabaseRestoreOptions.DEFAULT_STATEMENT_TIMEOUT
                : spec.statementTimeout().duration();
    }

    @Override
    public Optional<Validation> validation(S spec, ValidationSpec validation) {
        SqlValidation sql = null;
        if (validation.tables() != null) {
            sql = new SqlValidation.TablesExist(validation.tables());
        } else if (validation.minRows() != null) {
            sql = new SqlValidation.MinRows(validation.minRows());
        } else if (validation.sql() != null) {
            sql = new SqlValidation.SqlIsTrue(validation.sql());
        }
        return Optional.ofNullable(sql).map(check -> new SqlCheck(check, statementTimeout(spec)));
    }

    @Override
    public List<String> removeStale(Path scratchRoot, Instant olderThan) {
        List<String> said = new ArrayList<>();
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        for (Path parent : new java.util.LinkedHashSet<>(List.of(scratchRoot, temporary))) {
            for (Path removed : ScratchHomes.removeStale(parent, olderThan)) {
                said.add("removed stale scratch database server folder " + removed
                        + " left by an earlier run (its server stopped)");
            }
        }
        return said;
    }

    /** An SQL validation run in the restored scratch database. */
    private record SqlCheck(SqlValidation check, Duration statementTimeout) implements Validation {
        @Override
        public String describe() {
            return check.describe();
        }

        @Override
        public List<Finding> run(Restored restored, RestoreJob job) {
            if (!(restored instanceof DatabaseRestored database)) {
                return List.of(Finding.error(describe(), "nothing was restored into a database"));
            }
            return database.session().validate(List.of(check), statementTimeout).findings();
        }
    }
}
