package io.backupverify.engine.check.integrity;

import java.util.Optional;
import io.backupverify.engine.check.Advice;
import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.check.Check;
import io.backupverify.engine.check.CheckContext;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Progress;
import io.backupverify.engine.plan.IntegrityScope;
import io.backupverify.engine.plan.NamePattern;
import io.backupverify.engine.plan.IntegritySpec;
import io.backupverify.engine.plan.LayoutKind;
import io.backupverify.engine.util.IoErrors;
import java.io.IOException;
import java.util.List;

/**
 * Reads files and compares them with their checksum manifest: missing, changed and truncated files fail, files
 * the manifest does not list warn, and a backup whose checksums are absent, empty or unreadable never passes.
 * With a sample below 100% only this run's slice of the files is read; what is listed and what is present is
 * checked in full on every run.
 */
public final class IntegrityCheck implements Check {
    public static final String ID = "integrity";

    private final IntegritySpec spec;

    public IntegrityCheck(IntegritySpec spec) {
        this.spec = spec;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult run(CheckContext context) throws IOException, InterruptedException {
        long started = System.nanoTime();
        CheckResult.Builder result = CheckResult.builder(ID);
        List<Backup> backups = context.backupsIn(spec.scope());
        if (backups.isEmpty()) {
            return result.noBackupFound().build();
        }
        if (context.target() instanceof RepositoryIntegrity repository) {
            return repository.checkIntegrity(spec, context.runNumber(), context.recheck());
        }
        NamePattern names = NamePattern.compile(context.set().layout().namePattern());
        Outcome outcome = null;
        if (context.set().layout().kind() == LayoutKind.DIRECTORY_PER_BACKUP) {
            outcome = streamed(context, backups, names);
        }
        if (outcome == null) {
            outcome = columnar(context, backups, names);
        }
        new PreviousVersions(context, spec.manifest()).report(outcome.reader().mismatches(), outcome.findings());
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        result.metric("mode", spec.mode().key());
        return IntegrityReport.build(result, backups, outcome.reads(), outcome.reader(), outcome.findings(),
                durationMs, context.threads(), spec.mode());
    }

    private record Outcome(ReadList reads, ParallelReader reader, Findings findings) {
    }

    /**
     * The path for what cannot stream: every backup's listing is read into columns, the manifests are looked up in
     * it, and the files of this run's slice are read largest first. It always gives its coverage (built only when
     * the ledger asks for it).
     */
    private Outcome columnar(CheckContext context, List<Backup> backups, NamePattern names)
            throws InterruptedException {
        Findings findings = new Findings((problem, item) -> advice(problem, item, context));
        ReadList reads = new ReadList(SampleSelector.of(spec.sample(), context.runNumber(), context.recheck()),
                spec.scope() == IntegrityScope.ALL, findings, names);
        collect(context, backups, reads, findings);
        reads.complete();

        Progress progress = context.progress();
        ParallelReader reader = new ParallelReader(context.target(), context.threads(), progress, findings,
                spec.mode());
        progress.begin(context.set().name(), ID, reads.files().size(), reads.bytes());
        try {
            reader.readAll(reads.files(), reads::sizeOf);
        } finally {
            progress.end();
        }
        return new Outcome(reads, reader, findings);
    }

    /**
     * The path that keeps nothing per file (but, in a run that keeps coverage, each file's ledger key in a few
     * bytes): each listing merged with its manifest as both stream (see {@link StreamedIntegrity}); null when they
     * cannot be, for the columnar path to judge.
     */
    private Outcome streamed(CheckContext context, List<Backup> backups, NamePattern names)
            throws InterruptedException {
        Findings findings = new Findings((problem, item) -> advice(problem, item, context));
        Progress progress = context.progress();
        ParallelReader reader = new ParallelReader(context.target(), context.threads(), progress, findings,
                spec.mode());
        ManifestLoader loader = new ManifestLoader(context.target(), findings);
        StreamedIntegrity streamed = new StreamedIntegrity(context.target(), spec.manifest(),
                new DirectoryChecksums(context.target(), spec.manifest(), spec.ignore(), loader, findings), findings,
                reader, context::noteTotals);
        ReadList reads = ReadList.streaming(SampleSelector.of(spec.sample(), context.runNumber(), context.recheck()),
                spec.scope() == IntegrityScope.ALL, findings, names, streamed::accept, context.keepsCoverage());
        progress.begin(context.set().name(), ID, -1, -1);
        try {
            streamed.run(backups, reads);
        } catch (StreamedIntegrity.Unsuited e) {
            return null;
        } finally {
            progress.end();
        }
        return new Outcome(reads, reader, findings);
    }

    private static String advice(Problem problem, String item, CheckContext context) {
        return switch (problem) {
            case MISSING, CHANGED, TRUNCATED -> backupOf(item, context).map(b -> Advice.restoreFrom(context, b))
                    .orElse("restore what is needed from an earlier backup that verifies, and check the storage "
                            + "and the backup job for faults");
            case NOT_READ -> "make every name the manifest lists a file inside the backup; nothing outside it is "
                    + "read";
            case NO_CHECKSUMS -> "have the backup job write a checksum manifest into each backup (such as "
                    + "sha256sum * > SHA256SUMS), or name it with integrity.manifest";
            case BAD_MANIFEST -> "write the manifest again with the tool that made it (such as sha256sum) and check "
                    + "the lines named";
            case UNREADABLE -> "check the file's permissions and the storage for I/O errors, then run the "
                    + "verification again; until then the file is unproven";
            default -> null;
        };
    }

    /** The backup a finding's item names: {@code backup/relative/path} or, for a file backup, its name. */
    private static Optional<Backup> backupOf(String item, CheckContext context) {
        return context.allBackups().stream()
                .filter(b -> item.equals(b.path()) || item.startsWith(b.path() + "/")).findFirst();
    }

    private void collect(CheckContext context, List<Backup> backups, ReadList reads, Findings findings) {
        ManifestLoader loader = new ManifestLoader(context.target(), findings);
        boolean folders = context.set().layout().kind() == LayoutKind.DIRECTORY_PER_BACKUP;
        DirectoryChecksums directories = new DirectoryChecksums(context.target(), spec.manifest(), spec.ignore(), loader,
                findings);
        FileChecksums files = new FileChecksums(context.target(), spec.manifest(), loader, findings,
                context.set().layout().namePattern());
        for (Backup backup : backups) {
            BackupIndex index;
            try {
                index = new BackupIndex(context.contents(backup));
            } catch (IOException e) {
                findings.add(Problem.UNREADABLE, backup.path(), "cannot list the backup: " + IoErrors.describe(e));
                continue;
            }
            if (folders) {
                directories.collect(index, reads);
            } else {
                files.collect(index, reads);
            }
        }
    }
}
