package io.backupverify.engine.check.integrity;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.FileCoverage;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.RecheckSlices;
import io.backupverify.engine.plan.ByteSize;
import io.backupverify.engine.plan.IntegrityMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Turns what integrity counted and found into the check's summary, metrics and findings. */
final class IntegrityReport {
    private IntegrityReport() {
    }

    static CheckResult build(CheckResult.Builder result, List<Backup> backups, ReadList reads, ParallelReader reader,
            Findings findings, long durationMs, int threads, IntegrityMode mode) {
        SampleSelector sample = reads.sample();
        long throughput = durationMs <= 0 ? 0 : reader.readBytes() * 1000 / durationMs;
        if (backups.size() == 1) {
            result.metric("backup", backups.get(0).id());
        }
        result.metric("backups", backups.size())
                .metric("listedFiles", reads.listed())
                .metric("verifiedFiles", reader.verifiedFiles())
                .metric("verifiedBytes", reader.verifiedBytes())
                .metric("readBytes", reader.readBytes())
                .metric("durationMs", durationMs)
                .metric("throughputBytesPerSecond", throughput)
                .metric("threads", threads)
                .metric("skippedFiles", reads.skipped())
                .metric("sampleSlice", sample.sliceNumber())
                .metric("sampleSlices", sample.slices());
        for (Problem problem : Problem.values()) {
            result.metric(problem.metric(), findings.count(problem));
        }
        result.findings(findings.toFindings());
        FileCoverage coverage = reads.coverage(reader::verified, reader::failed);
        result.coverage(coverage);
        recheckSlices(result, reads, coverage, findings);
        guardAgainstUnprovenPass(result, reads, reader, findings);
        warnWhenTheSliceReadNothing(result, reads, reader, findings);
        warnAboutBackupsOfEmptyFiles(result, reads, findings);
        String summary = summary(backups, reads, reader, findings, throughput);
        if (mode == IntegrityMode.STORED) {
            summary = "mode stored (the store's own checksums, not read; trusts the store): " + summary;
        }
        return result.summary(summary).build();
    }

    /**
     * A run that found files it read but could not verify names their slices, so that the next run reads them again
     * ({@link RecheckSlices}); a run that read everything names its one slice, for a later sampled run to read
     * everything again. Only a sampled run that keeps coverage (one with a history or a ledger, the only ones a next
     * run learns from) knows each file's key; what is missing is found on every run anyway.
     */
    private static void recheckSlices(CheckResult.Builder result, ReadList reads, FileCoverage coverage,
            Findings findings) {
        SampleSelector sample = reads.sample();
        if (findings.count(Problem.CHANGED) + findings.count(Problem.TRUNCATED)
                + findings.count(Problem.UNREADABLE) == 0) {
            return;
        }
        if (sample.readsEverything()) {
            // one slice: no file's key is needed to name it
            result.metric(RecheckSlices.METRIC, RecheckSlices.of(1, Set.of(1)).text());
            return;
        }
        if (coverage == null) {
            return;
        }
        Set<Integer> numbers = new TreeSet<>();
        coverage.forEachRead((key, read) -> {
            if (read != FileCoverage.Read.VERIFIED && reads.selects(key)) {
                numbers.add(sample.sliceNumberOf(key));
            }
        });
        if (!numbers.isEmpty()) {
            result.metric(RecheckSlices.METRIC, RecheckSlices.of(sample.slices(), numbers).text());
        }
    }

    /**
     * With no findings, every listed file must have been either verified or left to another run by the sample.
     * Anything else would be a pass without evidence, which is reported instead.
     */
    private static void guardAgainstUnprovenPass(CheckResult.Builder result, ReadList reads, ParallelReader reader,
            Findings findings) {
        if (findings.total() == 0 && (reads.listed() == 0
                || reader.verifiedFiles() + reads.skipped() != reads.listed())) {
            result.finding(Finding.error("(check)", "verified " + reader.verifiedFiles() + " and skipped "
                    + reads.skipped() + " of " + reads.listed() + " listed files without a finding; not a pass"));
        }
    }

    /** A sampled run whose slice holds none of the listed files read nothing: no evidence for a PASS. */
    private static void warnWhenTheSliceReadNothing(CheckResult.Builder result, ReadList reads, ParallelReader reader,
            Findings findings) {
        SampleSelector sample = reads.sample();
        if (findings.total() == 0 && !sample.readsEverything() && reads.listed() > 0 && reads.toRead() == 0) {
            result.finding(Finding.warn("(sample)", "this run's slice (" + sample + ") holds none of the "
                    + reads.listed() + " listed files, so no content was read this run; every file is still read"
                    + " within " + sample.slices() + " runs. With this few files, a larger sample reads some every run"));
        }
    }

    /**
     * A backup whose every listed file is empty (a dump job that died before writing, then checksummed what was
     * there) matches its manifest and holds nothing: no evidence for a PASS. Judged when every file is read.
     */
    private static void warnAboutBackupsOfEmptyFiles(CheckResult.Builder result, ReadList reads, Findings findings) {
        if (findings.total() != 0 || !reads.sample().readsEverything()) {
            return;
        }
        reads.readPerBackup().forEach((backup, tally) -> {
            if (tally[1] == 0) {
                result.finding(Finding.warn(backup, "every listed file is empty (" + tally[0] + (tally[0] == 1
                        ? " file" : " files") + ", 0 bytes): the checksums match, but the backup holds nothing (a "
                        + "job that died before writing, then wrote checksums of what was there)"));
            }
        });
    }

    private static String summary(List<Backup> backups, ReadList reads, ParallelReader reader, Findings findings,
            long throughput) {
        StringBuilder text = new StringBuilder();
        text.append(backups.size() == 1 ? backups.get(0).id() : backups.size() + " backups").append(": ");
        if (reads.sample().readsEverything()) {
            text.append(reader.verifiedFiles()).append(" of ").append(reads.listed()).append(" listed files verified");
        } else {
            text.append(reader.verifiedFiles()).append(" of ").append(reads.toRead())
                    .append(" files verified (").append(reads.sample()).append(", ").append(reads.skipped())
                    .append(" of ").append(reads.listed()).append(" listed files left for other runs)");
        }
        text.append(", ").append(ByteSize.format(reader.readBytes()));
        if (throughput > 0) {
            text.append(" at ").append(ByteSize.format(throughput)).append("/s");
        }
        List<String> problems = new ArrayList<>();
        for (Problem problem : Problem.values()) {
            long count = findings.count(problem);
            if (count > 0) {
                problems.add(problem.count(count));
            }
        }
        if (!problems.isEmpty()) {
            text.append("; ").append(String.join(", ", problems));
        }
        return text.toString();
    }
}
