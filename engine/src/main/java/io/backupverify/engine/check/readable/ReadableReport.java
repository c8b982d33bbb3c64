package io.backupverify.engine.check.readable;

import io.backupverify.engine.backup.Backup;
import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.plan.ByteSize;
import io.backupverify.engine.plan.ReadableSpec;
import java.util.List;

/** Turns what the readable check counted and found into its summary, metrics and findings. */
final class ReadableReport {
    private ReadableReport() {
    }

    static CheckResult build(CheckResult.Builder result, ReadableSpec spec, List<Backup> backups, long files,
            ReadableFindings findings, long durationMs, int threads) {
        long read = findings.count(ReadOutcome.Result.READ);
        long broken = findings.count(ReadOutcome.Result.BROKEN);
        long unknown = findings.count(ReadOutcome.Result.UNKNOWN);
        long unreadable = findings.count(ReadOutcome.Result.UNREADABLE);
        long throughput = durationMs <= 0 ? 0 : findings.bytes() * 1000 / durationMs;
        if (backups.size() == 1) {
            result.metric("backup", backups.get(0).id());
        }
        result.metric("backups", backups.size())
                .metric("files", files)
                .metric("readFiles", read)
                .metric("brokenFiles", broken)
                .metric("unknownFormatFiles", unknown)
                .metric("unreadableFiles", unreadable)
                .metric("readBytes", findings.bytes())
                .metric("durationMs", durationMs)
                .metric("throughputBytesPerSecond", throughput)
                .metric("threads", threads)
                .metric("formats", findings.formats());
        if (unknown > 0) {
            result.metric("notChecked", findings.unknown());
        }
        result.findings(findings.findings());
        if (files == 0) {
            result.finding(Finding.warn("(backup)", spec.files().isEmpty() ? "no data files to read"
                    : "no data file matches files: " + spec.files()));
        } else if (findings.settled() != files) {
            result.finding(Finding.error("(check)", (files - findings.settled()) + " of " + files
                    + " files were neither read nor found broken; not a pass"));
        } else if (read == 0 && broken == 0 && unreadable == 0) {
            result.finding(Finding.warn("(backup)", "none of the " + files + " files is in a format this check "
                    + "reads; nothing was proven readable"));
        }
        return result.summary(summary(backups, files, findings, read, broken, unknown, unreadable, throughput))
                .build();
    }

    private static String summary(List<Backup> backups, long files, ReadableFindings findings, long read,
            long broken, long unknown, long unreadable, long throughput) {
        StringBuilder text = new StringBuilder();
        text.append(backups.size() == 1 ? backups.get(0).id() : backups.size() + " backups").append(": ");
        text.append(read).append(" of ").append(files).append(" files read to the end");
        text.append(", ").append(ByteSize.format(findings.bytes()));
        if (throughput > 0) {
            text.append(" at ").append(ByteSize.format(throughput)).append("/s");
        }
        if (broken > 0) {
            text.append("; ").append(broken).append(" broken");
        }
        if (unreadable > 0) {
            text.append("; ").append(unreadable).append(" unreadable");
        }
        if (findings.warned() > 0) {
            text.append("; ").append(findings.warned()).append(findings.warned() == 1 ? " file" : " files")
                    .append(" with a warning");
        }
        if (unknown > 0) {
            text.append("; ").append(unknown).append(unknown == 1 ? " file" : " files")
                    .append(" of a format not read (not checked)");
        }
        return text.toString();
    }
}
