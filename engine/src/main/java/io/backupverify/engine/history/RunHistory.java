package io.backupverify.engine.history;

import io.backupverify.engine.check.FileCoverage;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run history in a folder: {@code runs/} holds one small file per recorded run, {@code coverage/} the coverage
 * ledger. Runs are only ever added: each file has a name of its own (start time, kind, random part), is written to a
 * temporary file and moved into place in one step, so readers and concurrent writers never see half a record.
 */
public final class RunHistory {
    static final String RUNS = "runs";
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern RECORD_NAME = Pattern.compile("(\\d{8}T\\d{6}Z)-[a-z-]+-[0-9a-f]{12}\\.json");

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
            CoverageLedger ledger = ledger();
            for (SetResult set : run.sets()) {
                for (var check : set.checks()) {
                    if (check.coverage().isPresent()) {
                        FileCoverage coverage = check.coverage().get();
                        ledger.update(set.name(), coverage, run.startedAt(), check.status() != Status.ERROR);
                    }
                }
            }
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

    /**
     * Reads the runs that started at or after {@code since}, oldest first. A file whose name shows it started
     * earlier is not opened at all; a file that cannot be read or parsed is skipped and listed as damaged.
     */
    public HistoryRead read(Instant since) throws IOException {
        Path runs = folder.resolve(RUNS);
        List<RunRecord> records = new ArrayList<>();
        List<HistoryRead.DamagedFile> damaged = new ArrayList<>();
        if (!Files.isDirectory(runs)) {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new IOException(folder + " is not a folder");
            }
            return new HistoryRead(records, damaged);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runs, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || startedBefore(name, since)) {
                    continue;
                }
                try {
                    RunRecord record = format.read(Files.readAllBytes(file));
                    if (!record.startedAt().isBefore(since)) {
                        records.add(record);
                    }
                } catch (NoSuchFileException e) {
                    // removed while we were reading (pruned by someone); not damage
                } catch (IOException e) {
                    damaged.add(new HistoryRead.DamagedFile(file.toString(), e.getMessage()));
                }
            }
        }
        records.sort(Comparator.comparing(RunRecord::startedAt));
        damaged.sort(Comparator.comparing(HistoryRead.DamagedFile::file));
        return new HistoryRead(records, damaged);
    }

    /** Whether a record's file name says it started before the instant (with a second of slack for rounding). */
    private static boolean startedBefore(String name, Instant since) {
        Matcher matcher = RECORD_NAME.matcher(name);
        if (!matcher.matches()) {
            return false;
        }
        try {
            Instant started = NAME_TIME.parse(matcher.group(1), Instant::from);
            return started.plusSeconds(1).isBefore(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
