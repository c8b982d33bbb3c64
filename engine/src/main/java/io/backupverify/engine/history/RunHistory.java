package io.backupverify.engine.history;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.check.RecheckSlices;
import io.backupverify.engine.plan.BackupSetSpec;
import io.backupverify.engine.plan.Plan;
import io.backupverify.engine.run.RunResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The run history in a folder: {@code runs/} holds one small file per recorded run, {@code coverage/} the coverage
 * ledger. Runs are only ever added: each file has a name of its own (start time, kind, random part), is written to a
 * temporary file and moved into place in one step, so readers and concurrent writers never see half a record.
 */
public final class RunHistory {
    static final String RUNS = "runs";
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final HistoryFormat format = new HistoryFormat();

    public RunHistory(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    public CoverageLedger ledger() {
        return new CoverageLedger(folder.resolve(CoverageLedger.FOLDER));
    }

    /**
     * Records a verify or restore-test run; for a verify run also updates the coverage ledger of every set whose
     * integrity check listed files. This is the hook restore tests call with their own result.
     *
     * @return the file written
     */
    public Path record(RunResult run, RunKind kind) throws IOException {
        Path written = add(RunRecords.of(run, kind));
        if (kind == RunKind.VERIFY) {
            ledger().update(SetCoverage.of(run), run.startedAt());
        }
        return written;
    }

    /** Adds one record as a file of its own. */
    public Path add(RunRecord run) throws IOException {
        Path runs = folder.resolve(RUNS);
        Files.createDirectories(runs);
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String name = NAME_TIME.format(run.startedAt()) + "-" + run.kind().id() + "-" + unique + ".json";
        Path target = runs.resolve(name);
        Path temporary = runs.resolve("." + name + ".tmp");
        try {
            Files.write(temporary, format.write(run), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** How many of the newest verify runs' files {@link #latestVerifyRunNumber} opens at most. */
    static final int RUN_NUMBER_LOOKBACK = 100;
    /** How long the start time at the head of a record's name is ({@link #NAME_TIME}: {@code 20261101T020000Z}). */
    private static final int NAME_TIME_LENGTH = 16;

    /**
     * The run number of the newest verify run of {@code plan} over exactly {@code sets} recorded here (a run of other
     * sets of the plan, as a job per set makes, has its own rotation): the verify runs' files are opened from the
     * newest back (by the start time their names carry), at most {@link #RUN_NUMBER_LOOKBACK} of them; empty when none
     * of them is such a run. A file that cannot be read is passed over.
     */
    public OptionalLong latestVerifyRunNumber(String plan, List<String> sets) throws IOException {
        Optional<RunRecord> latest = latestVerifyRun(Set.of(plan), sets);
        return latest.isPresent() ? OptionalLong.of(latest.get().runNumber()) : OptionalLong.empty();
    }

    /**
     * The newest verify run over exactly {@code sets} of a plan recorded under one of the names {@code plans} (the
     * same plan file named two ways), found as {@link #latestVerifyRunNumber}.
     */
    public Optional<RunRecord> latestVerifyRun(Set<String> plans, List<String> sets) throws IOException {
        return latestRun(RunKind.VERIFY, plans, sets);
    }

    /** The newest run of {@code kind} over exactly {@code sets} of a plan, found as {@link #latestVerifyRun}. */
    public Optional<RunRecord> latestRun(RunKind of, Set<String> plans, List<String> sets) throws IOException {
        Path runs = folder.resolve(RUNS);
        RunRecord latest = null;
        String second = null;
        for (String name : newestNames(runs, of, null)) {
            if (second != null && !name.startsWith(second)) {
                break;
            }
            Optional<RunRecord> run = readRecord(runs.resolve(name));
            if (run.isPresent() && run.get().kind() == of && plans.contains(run.get().plan())
                    && run.get().sets().stream().map(SetRecord::name).toList().equals(sets)) {
                // names give the start to the second: of runs started in one second, the record tells which last
                if (latest == null || run.get().startedAt().isAfter(latest.startedAt())) {
                    latest = run.get();
                }
                second = name.substring(0, NAME_TIME_LENGTH);
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Hands the verify runs that started before {@code before} to {@code sink}, newest first (by the start time their
     * names carry), opening at most {@link #RUN_NUMBER_LOOKBACK} files, until the sink answers false. A file that
     * cannot be read is passed over.
     */
    public void verifyRunsBefore(Instant before, java.util.function.Predicate<RunRecord> sink) throws IOException {
        Path runs = folder.resolve(RUNS);
        for (String name : newestNames(runs, RunKind.VERIFY, NAME_TIME.format(before))) {
            Optional<RunRecord> run = readRecord(runs.resolve(name));
            if (run.isPresent() && run.get().kind() == RunKind.VERIFY && run.get().startedAt().isBefore(before)
                    && !sink.test(run.get())) {
                return;
            }
        }
    }

    /**
     * The names of the records of {@code kind} in {@code runs}, newest first by the start time they carry, at most
     * {@link #RUN_NUMBER_LOOKBACK} of them; only those named as started before {@code before} (a {@link #NAME_TIME}),
     * unless it is null. None when the folder does not exist.
     */
    private static List<String> newestNames(Path runs, RunKind kind, String before) throws IOException {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        String infix = "-" + kind.id() + "-";
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runs)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json") && name.startsWith(infix, NAME_TIME_LENGTH)
                        && (before == null || name.substring(0, NAME_TIME_LENGTH).compareTo(before) < 0)) {
                    names.add(name);
                }
            }
        }
        names.sort(Comparator.reverseOrder());
        return names.subList(0, Math.min(RUN_NUMBER_LOOKBACK, names.size()));
    }

    /** A record, or empty when it is damaged or gone (the one before it may still tell). */
    private Optional<RunRecord> readRecord(Path file) {
        try {
            return Optional.of(format.read(Files.readAllBytes(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Per set of a recorded run, the integrity sample slices it asked the next run to read again (see
     * {@link RecheckSlices}): those where its integrity check found files it could not verify.
     */
    public static Map<String, RecheckSlices> rechecks(RunRecord run) {
        return rechecks(Stream.of(run), run.sets().stream().map(SetRecord::name).toList());
    }

    /**
     * The plan's {@code selected} sets (all when none is named) that have an integrity check: those whose runs read a
     * sample, and may have to read some of it again.
     */
    public static List<String> sampledSets(Plan plan, List<String> selected) {
        return plan.backupSets().stream()
                .filter(set -> set.checks() != null && set.checks().integrity() != null)
                .map(BackupSetSpec::name).filter(name -> selected.isEmpty() || selected.contains(name)).toList();
    }

    /**
     * Per set among {@code sets}, the integrity sample slices to read again,
     * from the verify runs of a plan recorded under one of the names {@code plans}, whatever sets they ran with (a job
     * per set and a job over the whole plan learn from each other): see {@link #rechecks(Stream, Collection)}. The
     * newest {@link #RUN_NUMBER_LOOKBACK} verify runs' files are opened at most, newest first; a file that cannot be
     * read is passed over.
     */
    public Map<String, RecheckSlices> rechecks(Set<String> plans, List<String> sets) throws IOException {
        Path runs = folder.resolve(RUNS);
        return rechecks(newestNames(runs, RunKind.VERIFY, null).stream()
                .flatMap(name -> readRecord(runs.resolve(name)).stream())
                .filter(run -> run.kind() == RunKind.VERIFY && plans.contains(run.plan())), sets);
    }

    /**
     * Per set among {@code sets}, the integrity sample slices the newest run that
     * settled it asked to read again ({@link RecheckSlices}), from runs given newest first (taken one at a time). A run
     * settles a set when its integrity check of the set read its sample (it has {@code sampleSlices}; whatever it could
     * not verify it names), or when it had no integrity check of the set. A run whose integrity check of the set read
     * nothing (the target could not be reached, no backup was found, the check could not run) says nothing of the
     * slices an earlier run asked to read again: it is passed over, so that they are read by the next run that can.
     * Runs are taken only until every set is settled.
     */
    public static Map<String, RecheckSlices> rechecks(Stream<RunRecord> runs, Collection<String> sets) {
        Iterator<RunRecord> newestFirst = runs.iterator();
        Map<String, RecheckSlices> rechecks = new LinkedHashMap<>();
        Set<String> wanted = Set.copyOf(sets);
        Set<String> settled = new HashSet<>();
        while (!settled.containsAll(wanted) && newestFirst.hasNext()) {
            for (SetRecord set : newestFirst.next().sets()) {
                if (!wanted.contains(set.name()) || settled.contains(set.name())) {
                    continue;
                }
                Optional<CheckRecord> integrity = set.check("integrity");
                if (integrity.isEmpty()) {
                    settled.add(set.name());
                    continue;
                }
                Object cut = integrity.get().values().get("sampleSlices");
                RecheckSlices slices = RecheckSlices.recorded(integrity.get().status(), cut,
                        integrity.get().values().get(RecheckSlices.METRIC));
                if (!slices.isEmpty()) {
                    rechecks.put(set.name(), slices);
                }
                if (cut instanceof Number) {
                    settled.add(set.name());
                }
            }
        }
        return rechecks;
    }

    /**
     * Per set of a recorded restore-test run, the backup its restore test chose and could not restore and validate
     * (FAIL, or ERROR after choosing it), for the next test to restore again ({@code RestoreTester#restoringAgain}).
     */
    public static Map<String, String> failedRestores(RunRecord run) {
        Map<String, String> failed = new LinkedHashMap<>();
        for (SetRecord set : run.sets()) {
            set.check("restore").ifPresent(check -> {
                Object backup = check.values().get(RunRecords.RESTORED_BACKUP);
                if ((check.status() == Status.FAIL || check.status() == Status.ERROR) && backup instanceof String id
                        && !id.isBlank()) {
                    failed.put(set.name(), id);
                }
            });
        }
        return failed;
    }

    /**
     * When the latest recorded run started, by the names of the run files (none is opened): this machine's clock
     * reading earlier than that has gone back.
     */
    public Optional<Instant> latestRunStart() throws IOException {
        Path runs = folder.resolve(RUNS);
        return Files.isDirectory(runs) ? HistoryScan.latestNamed(runs) : Optional.empty();
    }

    /**
     * Reads the runs that started at or after {@code since}, oldest first. A file whose name shows it started
     * earlier is not opened at all; a file that cannot be read or parsed is skipped and listed as damaged.
     */
    public HistoryRead read(Instant since) throws IOException {
        List<RunRecord> records = new ArrayList<>();
        List<HistoryRead.DamagedFile> damaged = read(since, records::add);
        return new HistoryRead(records, damaged);
    }

    /**
     * Hands the runs that started at or after {@code since} to {@code sink} one at a time, oldest first, holding
     * none of them: the files are taken in the order of the start time their names carry, and the few records that
     * share a second are put in order among themselves. Files with other names are read first and handed on in
     * their place in time. A file whose name shows it started earlier is not opened at all.
     *
     * @return the files that could not be read or parsed, which were skipped
     */
    public List<HistoryRead.DamagedFile> read(Instant since, Consumer<RunRecord> sink) throws IOException {
        Path runs = folder.resolve(RUNS);
        if (!Files.isDirectory(runs)) {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new IOException(folder + " is not a folder");
            }
            return List.of();
        }
        return new HistoryScan(format, since).scan(runs, sink);
    }
}
