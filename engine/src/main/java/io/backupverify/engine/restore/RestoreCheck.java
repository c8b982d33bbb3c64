package io.backupverify.engine.restore;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.backup.BackupContents;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.plan.ByteSize;
import io.backupverify.engine.plan.DurationValue;
import io.backupverify.engine.plan.RestoreSelect;
import io.backupverify.engine.plan.RestoreSpec;
import io.backupverify.engine.plan.RestoreTestSpec;
import io.backupverify.engine.plan.ValidationSpec;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The restore test of a backup set, reported as the check {@code restore}: picks a backup, restores it into a
 * scratch folder with its kind, validates it, times fetch, restore and validation, compares the total with the
 * RTO and always removes the scratch data.
 */
public final class RestoreCheck implements Check {
    public static final String ID = "restore";
    /** The longest a restore test runs when the plan gives neither timeout nor RTO. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final RestoreTestSpec spec;
    private final RestoreSession session;

    RestoreCheck(RestoreTestSpec spec, RestoreSession session) {
        this.spec = spec;
        this.session = session;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult run(CheckContext context) throws IOException, InterruptedException {
        PreparationHandoff preparation = session.preparations().take(context.set().name());
        try {
            return run(context, preparation);
        } finally {
            discard(preparation); // after a test that ended before its restore began; a no-op otherwise
        }
    }

    private CheckResult run(CheckContext context, PreparationHandoff preparation)
            throws IOException, InterruptedException {
        CheckResult.Builder result = CheckResult.builder(ID);
        result.metric("kind", spec.restore().kind());
        result.metric("select", spec.select().toString());
        if (spec.rto() != null) {
            result.metric("rto", spec.rto().text());
            result.metric("rtoMs", spec.rto().duration().toMillis());
        }
        if (!session.staleRemoved().isEmpty()) {
            result.metric("staleRemoved", session.staleRemoved());
        }
        Optional<RestoreKind<?>> kind = session.kinds().find(spec.restore());
        if (kind.isEmpty()) {
            return result.status(Status.ERROR).summary("restore kind '" + spec.restore().kind()
                    + "' is not supported by this version").build();
        }
        String again = session.again().get(context.set().name());
        Optional<Backup> chosen = BackupSelector.select(spec.select(), context.backups(), context.now(),
                context.runNumber(), context.set().name(), again);
        if (chosen.isEmpty()) {
            removed(result, discard(preparation)); // the set-up begun early is undone, and said
            if (context.backups().isEmpty()) {
                return result.noBackupFound().build();
            }
            return result.finding(Finding.fail("(none)", "no backup taken within " + spec.select().within()
                    + " before the run")).summary("no backup to restore").build();
        }
        Backup backup = chosen.get();
        result.metric("backup", backup.id());
        if (spec.select().mode() == RestoreSelect.Mode.RANDOM_WITHIN && backup.id().equals(again)) {
            // said in the select metric, which the reports show beside the backup
            result.metric("select", spec.select() + ", restoring again the backup the previous test could not "
                    + "restore");
        }
        List<Validation> validations = new ArrayList<>();
        for (ValidationSpec validation : spec.validate()) {
            Optional<Validation> made = validationFor(kind.get(), validation);
            if (made.isEmpty()) {
                removed(result, discard(preparation));
                return result.status(Status.ERROR).summary("validation '" + validation.key()
                        + "' is not supported by restore kind " + spec.restore().kind()).build();
            }
            validations.add(made.get());
        }
        BackupContents contents = context.contents(backup);
        ScratchFolder scratch = session.scratch().create(context.set().name());
        result.metric("scratch", scratch.path().toString());
        RestoreJob job = new RestoreJob(context.set(), context.target(), backup, contents, scratch.path(),
                session.credentials(), context.progress(), preparation);
        PhaseTimes times = new PhaseTimes();
        long started = System.nanoTime();
        context.progress().begin(context.set().name(), ID, contents.fileCount(), contents.totalBytes());
        try {
            runWithTimeout(() -> restoreAndValidate(kind.get(), job, validations, times, result));
        } catch (RestoreTimeoutException e) {
            result.finding(Finding.fail(backup.id(), e.getMessage())).summary("restore test stopped: time limit");
        } finally {
            context.progress().end();
            times.wallNanos = System.nanoTime() - started;
            // a restore that took over set-up begun before the test counts the part of it done before the test
            long lead = job.claimedPreparationNanosBy(started);
            times.wallNanos += lead;
            times.restoreNanos += lead;
            cleanUp(job, scratch, result);
        }
        times.record(result, job);
        judge(result, times, backup);
        return result.build();
    }

    @SuppressWarnings("unchecked")
    private <S extends RestoreSpec> Optional<Validation> validationFor(RestoreKind<S> kind,
            ValidationSpec validation) {
        Optional<Validation> own = kind.validation((S) spec.restore(), validation);
        if (own.isPresent()) {
            return own;
        }
        if (validation.checksums() != null) {
            return Optional.of(new ChecksumsValidation(validation.checksums()));
        }
        if (validation.required() != null) {
            return Optional.of(new RequiredFilesValidation(validation.required()));
        }
        if (validation.command() != null) {
            return Optional.of(new CommandValidation(validation.command(), session.planFolder()));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private <S extends RestoreSpec> void restoreAndValidate(RestoreKind<S> kind, RestoreJob job,
            List<Validation> validations, PhaseTimes times, CheckResult.Builder result)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Restored restored;
        try {
            restored = kind.restore((S) spec.restore(), job);
        } catch (RestoreRefusedException e) {
            times.restoreNanos = System.nanoTime() - start;
            result.finding(Finding.fail(e.item(), e.getMessage()));
            result.summary("could not be restored: " + e.item());
            return;
        } catch (IOException e) {
            times.restoreNanos = System.nanoTime() - start;
            if (e instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            result.status(Status.ERROR).summary("could not restore: " + IoErrors.describe(e));
            return;
        }
        times.restoreNanos = System.nanoTime() - start;
        times.restored = restored;
        result.findings(restored.findings());
        if (restored.files() == 0 || restored.bytes() == 0) {
            result.finding(Finding.fail(job.backup().id(), restored.files() == 0
                    ? "the restore produced nothing: not one file came out of the backup"
                    : "the restore produced only empty files (" + restored.files() + " files, 0 bytes)"));
        }
        long validateStart = System.nanoTime();
        for (Validation validation : validations) {
            try {
                result.findings(validation.run(restored, job));
            } catch (IOException e) {
                if (e instanceof InterruptedIOException) {
                    throw e;
                }
                result.finding(Finding.error(validation.describe(), "could not validate: " + IoErrors.describe(e)));
            }
        }
        times.validateNanos = System.nanoTime() - validateStart;
        times.completed = true;
    }

    /** Runs the work in a thread of its own, abandoning it (interrupt, then wait) once the time limit is reached. */
    private void runWithTimeout(Work work) throws IOException, InterruptedException {
        Duration limit = timeout();
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "restore-test");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Void> future = executor.submit(() -> {
                work.run();
                return null;
            });
            try {
                future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                executor.shutdown();
                executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                throw new RestoreTimeoutException(limit);
            } catch (InterruptedException e) {
                future.cancel(true);
                executor.shutdown();
                executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException(String.valueOf(cause), cause);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private Duration timeout() {
        if (spec.timeout() != null) {
            return spec.timeout().duration();
        }
        return spec.rto() != null ? spec.rto().duration().multipliedBy(2) : DEFAULT_TIMEOUT;
    }

    private static void cleanUp(RestoreJob job, ScratchFolder scratch, CheckResult.Builder result) {
        List<String> removed = new ArrayList<>();
        RestoreJob.Closing closing = job.close();
        if (closing.unclaimed().isPresent()) {
            try {
                removed.addAll(closing.unclaimed().get().discard());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.finding(Finding.error("set-up begun before the test", "cleanup was interrupted"));
            }
        }
        List<RestoreJob.Cleanup> cleanups = new ArrayList<>(closing.cleanups());
        java.util.Collections.reverse(cleanups);
        for (RestoreJob.Cleanup cleanup : cleanups) {
            try {
                cleanup.action().run();
                removed.add(cleanup.description());
            } catch (IOException | RuntimeException e) {
                result.finding(Finding.error(cleanup.description(), "could not clean up: " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.finding(Finding.error(cleanup.description(), "cleanup was interrupted"));
            }
        }
        try {
            TreeRemover.Removed gone = scratch.remove();
            removed.add("scratch folder " + scratch.path() + " (" + gone.files() + " files, "
                    + ByteSize.format(gone.bytes()) + ")");
        } catch (IOException e) {
            result.finding(Finding.error(scratch.path().toString(), "could not remove the scratch folder: "
                    + IoErrors.describe(e) + "; remove it by hand, it holds restored data"));
        }
        result.metric("removed", removed);
    }

    /** Undoes the set-up begun early when no restore claimed it; says what was removed. */
    private static List<String> discard(PreparationHandoff preparation) throws InterruptedException {
        Optional<RestorePreparation> unclaimed = preparation.close();
        return unclaimed.isPresent() ? unclaimed.get().discard() : List.of();
    }

    private static void removed(CheckResult.Builder result, List<String> removed) {
        if (!removed.isEmpty()) {
            result.metric("removed", removed);
        }
    }

    private void judge(CheckResult.Builder result, PhaseTimes times, Backup backup) {
        if (!times.completed) {
            return;
        }
        long totalMs = times.totalMillis();
        String took = formatTime(totalMs);
        String phases = " (fetch " + times.fetchMillis + " ms, restore " + times.restoreMillis() + " ms, validate "
                + times.validateNanos / 1_000_000 + " ms)";
        if (spec.rto() != null && totalMs > spec.rto().duration().toMillis()) {
            result.finding(Finding.fail(backup.id(), "the restore test took " + took + ", more than the RTO "
                    + spec.rto()));
        }
        String size = times.restored.files() + (times.restored.files() == 1 ? " file, " : " files, ")
                + ByteSize.format(times.restored.bytes());
        String rto = spec.rto() == null ? "" : (totalMs > spec.rto().duration().toMillis() ? " over" : " within")
                + " RTO " + spec.rto();
        Status status = result.status();
        String verdict = status != Status.PASS ? "restored " : spec.validate().isEmpty()
                ? "restored (nothing validated: the plan names no validation) " : "restored and validated ";
        result.summary(verdict + backup.id() + " (" + size + ") in " + took + rto + phases
                + (status == Status.PASS ? "" : "; " + countProblems(result)));
    }

    /** A restore time as people read it: tenths of seconds below two minutes ({@code 12.4s}), else {@code 3m}. */
    public static String formatTime(long millis) {
        // Locale.US as in ByteSize.format: the same digits as Locale.ROOT without loading the JDK's locale data
        return millis < 120_000 ? String.format(java.util.Locale.US, "%.1fs", millis / 1000.0)
                : DurationValue.format(Duration.ofMillis(millis));
    }

    private static String countProblems(CheckResult.Builder result) {
        long failed = result.currentFindings().stream().filter(f -> f.severity().isWorseThan(Status.WARN)).count();
        long warned = result.currentFindings().stream().filter(f -> f.severity() == Status.WARN).count();
        return failed > 0 ? failed + " problem(s) found" : warned + " warning(s)";
    }

    @FunctionalInterface
    private interface Work {
        void run() throws IOException, InterruptedException;
    }

    /** How long each phase took. */
    private static final class PhaseTimes {
        volatile long restoreNanos;
        volatile long validateNanos;
        volatile Restored restored;
        volatile boolean completed;
        long wallNanos;
        long fetchMillis;

        long restoreMillis() {
            return Math.max(0, restoreNanos / 1_000_000 - fetchMillis);
        }

        /** Fetch, restore and validation together, as the clock on the wall saw them (cleanup not included). */
        long totalMillis() {
            return wallNanos / 1_000_000;
        }

        void record(CheckResult.Builder result, RestoreJob job) {
            fetchMillis = job.fetchMeter().millis();
            result.metric("fetchMs", fetchMillis);
            result.metric("restoreMs", restoreMillis());
            result.metric("validateMs", validateNanos / 1_000_000);
            result.metric("totalMs", totalMillis());
            result.metric("fetchedBytes", job.fetchMeter().bytes());
            if (restored != null) {
                result.metric("restoredFiles", restored.files());
                result.metric("restoredBytes", restored.bytes());
            }
        }
    }
}
