package io.backupverify.engine.report;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.run.LatestBackup;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.SetResult;
import java.time.Instant;
import java.util.List;

/** Run results built by hand, one set per verdict. */
final class ReportFixtures {
    static final Instant STARTED = Instant.parse("2026-11-26T07:00:05.250Z");
    static final Instant FINISHED = Instant.parse("2026-11-26T07:01:17.750Z");

    private ReportFixtures() {
    }

    static RunResult run(SetResult... sets) {
        return new RunResult("plans/backups.yaml", 42, STARTED, FINISHED, List.of(sets));
    }

    /** One set of each verdict: healthy, warned, failed and errored. */
    static RunResult mixed() {
        return run(passing("orders-db"), warning("mail"), failing("files"), erroring("ledger"));
    }

    static SetResult passing(String name) {
        return set(name,
                CheckResult.builder("freshness").summary("newest backup is 3h old (limit 26h)")
                        .metric("ageSeconds", 10_800L).build().withDuration(2),
                CheckResult.builder("integrity").summary("20 files verified")
                        .metric("verifiedFiles", 20L).metric("verifiedBytes", 3_221_225_472L)
                        .metric("durationMs", 1_534L).build().withDuration(1_534));
    }

    static SetResult warning(String name) {
        return set(name,
                CheckResult.builder("freshness").summary("newest backup is 1h old").build().withDuration(1),
                CheckResult.builder("completeness").summary("1 empty file")
                        .finding(Finding.warn("mail-2026-11-26/empty.log", "file is empty (0 bytes)"))
                        .build().withDuration(5));
    }

    static SetResult failing(String name) {
        return set(name,
                CheckResult.builder("freshness").summary("newest backup is 2h old").build().withDuration(1),
                CheckResult.builder("integrity").summary("2 files differ from the manifest")
                        .finding(Finding.fail("files-2026-11-26/a.tar", "SHA-256 differs: expected 00ff, got 11ee"))
                        .finding(Finding.fail("files-2026-11-26/b.tar", "truncated: 10 of 2048 bytes"))
                        .finding(Finding.warn("files-2026-11-26/extra.txt", "not listed in the manifest"))
                        .metric("verifiedFiles", 18L).build().withDuration(2_250));
    }

    static SetResult erroring(String name) {
        return new SetResult(name, "local:/srv/backups/" + name, null, 0,
                List.of(CheckResult.error("freshness", "cannot list the target: permission denied: /srv/backups"),
                        CheckResult.error("integrity", "cannot list the target: permission denied: /srv/backups")));
    }

    static SetResult set(String name, CheckResult... checks) {
        LatestBackup latest = new LatestBackup(name + "-2026-11-26T0400", Instant.parse("2026-11-26T04:00:00Z"),
                20, 3_221_225_472L);
        return new SetResult(name, "local:/srv/backups/" + name, latest, 7, List.of(checks));
    }

    /** A failed check with the given number of findings, items numbered from 1. */
    static CheckResult manyFindings(int count) {
        CheckResult.Builder builder = CheckResult.builder("integrity").summary(count + " files missing");
        for (int i = 1; i <= count; i++) {
            builder.finding(Finding.fail("backup/file-" + i + ".bin", "missing (listed in SHA256SUMS)"));
        }
        return builder.build();
    }
}
