package io.backupverify.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.testing.BackupTree;
import io.backupverify.engine.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every check judges the same newest backup: the newest one not dated in the future and not a link. */
class NewestBackupTest {
    private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");
    private static final String PLAN = """
            backupSets:
              - name: nightly
                target: { type: local, path: backups }
                layout: { kind: directory-per-backup, namePattern: "nightly-{yyyy-MM-dd}" }
                checks:
                  freshness: { maxAge: 26h }
                  completeness: { required: [db.dump] }
                  integrity: { manifest: SHA256SUMS%s }
            """;

    @TempDir
    Path dir;

    private BackupTree tree() {
        return new BackupTree(dir.resolve("backups"));
    }

    /** The real newest backup, nightly-2026-11-29, whose dump has a flipped byte. */
    private void corruptNewest(BackupTree tree) throws Exception {
        tree.backup("nightly-2026-11-28", NOW.minusSeconds(30 * 3600), "db.dump", "intact dump of the 28th");
        Path newest = tree.backup("nightly-2026-11-29", NOW.minusSeconds(6 * 3600), "db.dump", "intact dump");
        Files.writeString(newest.resolve("db.dump"), "intact dumP");
    }

    private static CheckResult check(SetResult set, String id) {
        return set.checks().stream().filter(check -> check.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aFutureDatedCopyDoesNotHideACorruptNewestBackup() throws Exception {
        BackupTree tree = tree();
        corruptNewest(tree);
        tree.backup("nightly-2099-01-01", NOW.minusSeconds(30 * 3600), "db.dump", "intact dump of the 28th");

        SetResult set = Plans.runSet(PLAN.formatted(""), dir, NOW);

        assertThat(set.status()).isEqualTo(Status.FAIL);
        assertThat(check(set, "integrity").status()).isEqualTo(Status.FAIL);
        assertThat(check(set, "integrity").findings()).anySatisfy(finding -> {
            assertThat(finding.item()).isEqualTo("nightly-2026-11-29/db.dump");
            assertThat(finding.severity()).isEqualTo(Status.FAIL);
        });
        assertThat(check(set, "completeness").metrics()).containsEntry("backup", "nightly-2026-11-29");
        assertThat(set.latestBackup().id()).isEqualTo("nightly-2026-11-29");
        for (CheckResult check : set.checks()) {
            assertThat(check.findings()).as(check.id()).filteredOn(f -> f.item().equals("nightly-2099-01-01"))
                    .singleElement().satisfies(finding -> {
                        assertThat(finding.severity()).isEqualTo(Status.WARN);
                        assertThat(finding.message()).contains("in the future").contains("2099-01-01");
                    });
        }
    }

    @Test
    void aNameMinutesInTheFutureIsNotTheNewestEither() throws Exception {
        BackupTree tree = new BackupTree(dir.resolve("backups"));
        tree.backup("nightly-2026-11-29T0800", NOW.minusSeconds(3600), "db.dump", "intact");
        Files.writeString(dir.resolve("backups/nightly-2026-11-29T0800/db.dump"), "intacT");
        tree.backup("nightly-2026-11-29T0920", NOW, "db.dump", "intact");
        String plan = PLAN.formatted("").replace("nightly-{yyyy-MM-dd}", "nightly-{yyyy-MM-dd'T'HHmm}");

        SetResult set = Plans.runSet(plan, dir, NOW);

        assertThat(check(set, "integrity").status()).isEqualTo(Status.FAIL);
        assertThat(check(set, "completeness").findings()).extracting(Finding::item)
                .containsExactly("nightly-2026-11-29T0920");
    }

    @Test
    void scopeAllStillReadsTheFutureDatedBackup() throws Exception {
        BackupTree tree = tree();
        tree.backup("nightly-2026-11-29", NOW.minusSeconds(6 * 3600), "db.dump", "intact dump");
        Path future = tree.backup("nightly-2099-01-01", NOW, "db.dump", "future dump");
        Files.writeString(future.resolve("db.dump"), "futurE dump");

        SetResult set = Plans.runSet(PLAN.formatted(", scope: all"), dir, NOW);

        CheckResult integrity = check(set, "integrity");
        assertThat(integrity.status()).isEqualTo(Status.FAIL);
        assertThat(integrity.findings()).anySatisfy(finding -> {
            assertThat(finding.item()).isEqualTo("nightly-2099-01-01/db.dump");
            assertThat(finding.severity()).isEqualTo(Status.FAIL);
        });
    }

    @Test
    void aNewestBackupThatIsASymbolicLinkIsNamedInEveryCheck() throws Exception {
        BackupTree tree = tree();
        tree.backup("nightly-2026-11-28", NOW.minusSeconds(30 * 3600), "db.dump", "dump of the 28th");
        Path elsewhere = new BackupTree(dir.resolve("elsewhere")).backup("real-29", NOW, "db.dump", "dump");
        Files.createSymbolicLink(dir.resolve("backups/nightly-2026-11-29"), elsewhere);

        SetResult set = Plans.runSet(PLAN.formatted(""), dir, NOW);

        assertThat(check(set, "freshness").status()).isEqualTo(Status.FAIL);
        for (CheckResult check : set.checks()) {
            assertThat(check.findings()).as(check.id()).filteredOn(f -> f.item().equals("nightly-2026-11-29"))
                    .singleElement().satisfies(finding -> {
                        assertThat(finding.severity()).isEqualTo(Status.WARN);
                        assertThat(finding.message()).contains("symbolic link").contains("not followed");
                    });
        }
    }
}
