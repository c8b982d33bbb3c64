package io.backupverify.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.testing.BackupTree;
import io.backupverify.engine.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every FAIL and ERROR finding says what to do, in every report. */
class AdviceTest {
    private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
    private static final String PLAN = """
            backupSets:
              - name: nightly
                target: { type: local, path: backups }
                layout: { kind: directory-per-backup, namePattern: "nightly-{yyyy-MM-dd}" }
                checks:
                  freshness: { maxAge: 1h }
                  completeness: { required: [db.dump, users.csv] }
                  integrity: {}
                  window: { maxDuration: 1h }
                  capacity: { quota: 1KiB }
            """;

    @TempDir
    Path dir;

    @Test
    void everyFailAndErrorFindingCarriesAdviceThatKnowsTheBackups() throws Exception {
        BackupTree tree = new BackupTree(dir.resolve("backups"));
        tree.backup("nightly-2026-11-28", NOW.minusSeconds(30 * 3600), "db.dump", "dump of the 28th");
        Path newest = tree.backup("nightly-2026-11-29", NOW.minusSeconds(6 * 3600), "db.dump", "dump");
        Files.writeString(newest.resolve("db.dump"), "dumP");
        Files.setLastModifiedTime(newest.resolve("db.dump"), java.nio.file.attribute.FileTime.from(
                NOW.minusSeconds(40 * 24 * 3600)));

        RunResult run = Plans.run(PLAN, dir, NOW);

        SetResult set = run.sets().get(0);
        assertThat(set.checks()).flatExtracting(CheckResult::findings).filteredOn(Finding::isProblem)
                .isNotEmpty().allSatisfy(finding -> assertThat(finding.advice()).as(finding.toString())
                        .isNotBlank());
        assertThat(adviceFor(set, "freshness", "nightly-2026-11-29"))
                .startsWith("the backup job has not produced a backup since nightly-2026-11-29");
        assertThat(adviceFor(set, "integrity", "nightly-2026-11-29/db.dump"))
                .startsWith("restore what is needed from nightly-2026-11-28");
        assertThat(adviceFor(set, "completeness", "nightly-2026-11-29/users.csv")).contains("incomplete");

        assertThat(new JsonReport().toString(run)).contains("\"advice\" : \"restore what is needed from nightly-2026-11-28");
    }

    private static String adviceFor(SetResult set, String check, String item) {
        return set.checks().stream().filter(c -> c.id().equals(check)).findFirst().orElseThrow().findings().stream()
                .filter(f -> f.item().equals(item) && f.isProblem()).findFirst().orElseThrow().advice();
    }
}
