package io.backupverify.engine.restore.restic;

import static io.backupverify.engine.restore.RestoreRuns.leftIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretText;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.plan.PlanException;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.report.JsonReport;
import io.backupverify.engine.restore.RestoreKinds;
import io.backupverify.engine.restore.RestoreTester;
import io.backupverify.engine.restore.ScratchArea;
import io.backupverify.engine.run.RunResult;
import io.backupverify.engine.run.VerifyOptions;
import io.backupverify.engine.target.restic.ResticRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kind: restic}: the real restic restores snapshots of a local repository into scratch folders. */
class ResticRestoreTest {
    private static final String PASSWORD = "canary-restic-restore-7f3a";

    @TempDir
    static Path dir;
    private static List<String> snapshots;
    private static String relativeSnapshot;
    @TempDir
    Path scratch;

    @BeforeAll
    static void makeRepository() throws Exception {
        assumeTrue(ResticRepository.available(), "needs restic");
        Path source = Files.createDirectories(dir.resolve("src/srv/orders"));
        ResticRepository restic = new ResticRepository(dir.resolve("repo").toString(), PASSWORD, Map.of());
        for (String version : List.of("v1", "v2")) {
            writeBackup(source, version);
            restic.backup(source, "db1", "orders");
        }
        restic.backupRelative(dir.resolve("src/srv"), "orders", "rel1");
        snapshots = restic.snapshotIds("db1");
        relativeSnapshot = restic.snapshotIds("rel1").get(0);
    }

    /** A backup of version.txt, a dump and a SHA256SUMS manifest of both, as a backup job would leave them. */
    private static void writeBackup(Path source, String version) throws Exception {
        byte[] dump = new byte[700_000];
        new Random(version.hashCode()).nextBytes(dump);
        Files.createDirectories(source.resolve("data"));
        Files.write(source.resolve("data/orders.dump"), dump);
        Files.writeString(source.resolve("version.txt"), version + "\n");
        Files.writeString(source.resolve("SHA256SUMS"), sha256(dump) + "  data/orders.dump\n"
                + sha256((version + "\n").getBytes(StandardCharsets.UTF_8)) + "  version.txt\n");
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static String plan(String repository, String host, String restoreTest) {
        return """
                backupSets:
                  - name: orders
                    target: { type: restic, repository: %s, passwordCredentialsId: restic-pw, snapshots: { host: %s } }
                    restoreTest:
                %s
                """.formatted(repository, host, restoreTest.indent(6));
    }

    private static String plan(String restoreTest) {
        return plan("repo", "db1", restoreTest);
    }

    private static String checked(String select, String version) {
        return """
                select: %s
                rto: 10m
                restore: { kind: restic }
                validate:
                  - checksums: SHA256SUMS
                  - required: [version.txt, "data/*.dump"]
                  - command: { run: "grep -qx %s \\"$BACKUP_VERIFY_RESTORED/version.txt\\"", timeout: 1m }
                """.formatted(select, version);
    }

    private RunResult run(String yaml, long runNumber) throws Exception {
        CredentialResolver credentials = CredentialResolver.of(Map.of("restic-pw",
                new SecretText(SecretValue.of(PASSWORD))));
        RestoreTester tester = new RestoreTester(RestoreKinds.defaults(), new ScratchArea(scratch),
                new CredentialedTargetOpener(dir, credentials), credentials);
        return tester.run(new PlanParser().parse(yaml, "plan.yaml", dir),
                VerifyOptions.defaults().withRunNumber(runNumber));
    }

    private CheckResult restore(String yaml) throws Exception {
        return run(yaml, 1).sets().get(0).checks().get(0);
    }

    @Test
    void theLatestSnapshotIsRestoredValidatedTimedAndRemoved() throws Exception {
        CheckResult result = restore(plan(checked("latest", "v2")));

        assertThat(result.status()).as(result.toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("kind", "restic").containsEntry("backup", snapshots.get(1))
                .containsEntry("restoredFiles", 3L);
        assertThat((Long) result.metrics().get("restoredBytes")).isGreaterThan(700_000L);
        assertThat(result.summary()).contains("restored and validated " + snapshots.get(1)).contains("within RTO 10m");
        assertThat(result.metrics().get("removed").toString()).contains("scratch folder");
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void oldestKeptRestoresTheFirstSnapshot() throws Exception {
        CheckResult result = restore(plan(checked("oldest-kept", "v1")));

        assertThat(result.status()).as(result.toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("backup", snapshots.get(0));
    }

    @Test
    void randomWithinPicksTheSameSnapshotForTheSameRunNumberAndEachOverManyRuns() throws Exception {
        String yaml = plan("""
                select: { random-within: 30d }
                restore: { kind: restic }
                validate: [ { checksums: SHA256SUMS } ]
                """);
        Set<Object> chosen = new HashSet<>();
        for (long runNumber = 0; runNumber < 8; runNumber++) {
            CheckResult result = run(yaml, runNumber).sets().get(0).checks().get(0);
            assertThat(result.status()).as(result.toString()).isEqualTo(Status.PASS);
            chosen.add(result.metrics().get("backup"));
        }
        Object again = run(yaml, 3).sets().get(0).checks().get(0).metrics().get("backup");

        assertThat(chosen).containsExactlyInAnyOrderElementsOf(snapshots);
        assertThat(run(yaml, 3).sets().get(0).checks().get(0).metrics().get("backup")).isEqualTo(again);
    }

    @Test
    void aSnapshotOfARelativePathIsFoundWhereResticKeepsIt() throws Exception {
        CheckResult result = restore(plan("repo", "rel1", checked("latest", "v2")));

        assertThat(result.status()).as(result.toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("backup", relativeSnapshot).containsEntry("restoredFiles", 3L);
    }

    @Test
    void aDamagedPackFailsNamingTheSnapshotAndNeverShowsThePassword() throws Exception {
        // a repository of one snapshot, so that its largest pack surely holds data that the snapshot restores
        ResticRepository single = new ResticRepository(dir.resolve("rotten").toString(), PASSWORD, Map.of());
        single.backup(dir.resolve("src/srv/orders"), "db1", "orders");
        String snapshot = single.snapshotIds("db1").get(0);
        ResticRepository.flipByteInLargestPack(dir.resolve("rotten"));

        RunResult run = run(plan("rotten", "db1", checked("latest", "v2")), 1);
        CheckResult result = run.sets().get(0).checks().get(0);

        assertThat(result.status()).as(result.toString()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).anySatisfy(finding -> {
            assertThat(finding.item()).isEqualTo(snapshot);
            assertThat(finding.message()).contains("restic restore of snapshot").contains("ciphertext verification failed");
        });
        assertThat(result.summary()).contains("could not be restored");
        assertThat(new JsonReport().toString(run)).doesNotContain(PASSWORD);
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aRestoreSlowerThanItsRtoFails() throws Exception {
        CheckResult result = restore(plan("""
                rto: 1s
                timeout: 10m
                restore: { kind: restic, verify: true }
                validate: [ { command: { run: "sleep 1.5" } } ]
                """));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::message)
                .anySatisfy(message -> assertThat(message).contains("more than the RTO 1s"));
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aResticRestorePastTheTimeLimitIsStoppedAndItsScratchRemoved() throws Exception {
        Path slow = dir.resolve("slow-restic");
        // A restore that would take 10 minutes: finishing in well under that proves it was stopped, with room for a
        // loaded machine.
        Files.writeString(slow, "#!/bin/sh\nif [ \"$1\" = restore ]; then sleep 600; fi\nexec restic \"$@\"\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwx------"));
        String yaml = plan("""
                rto: 1h
                timeout: 1s
                restore: { kind: restic }
                """).replace("snapshots: { host: db1 }", "snapshots: { host: db1 }, command: " + slow);

        long start = System.nanoTime();
        CheckResult result = restore(yaml);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(5));
        assertThat(result.status()).as(result.toString()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("time limit");
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aSnapshotLargerThanMaxSizeIsRefusedBeforeResticWritesAnything() throws Exception {
        Path marker = dir.resolve("restore-started");
        Path watched = dir.resolve("watched-restic");
        Files.writeString(watched, "#!/bin/sh\nif [ \"$1\" = restore ]; then touch " + marker + "; fi\n"
                + "exec restic \"$@\"\n");
        Files.setPosixFilePermissions(watched, PosixFilePermissions.fromString("rwx------"));
        String yaml = plan("""
                restore: { kind: restic, limits: { maxSize: 500KiB } }
                validate: [ { checksums: SHA256SUMS } ]
                """).replace("snapshots: { host: db1 }", "snapshots: { host: db1 }, command: " + watched);

        refusedAsTooLarge(restore(yaml), "the snapshot's files add up to 684 KiB, more than 500 KiB");
        assertThat(marker).doesNotExist();
    }

    /** As an archive that expands past maxSize: a FAIL naming the latest snapshot, its scratch folder removed. */
    private void refusedAsTooLarge(CheckResult result, String reason) throws Exception {
        assertThat(result.status()).as(result.toString()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.item()).isEqualTo(snapshots.get(1));
            assertThat(finding.message()).contains("refused: " + reason
                    + " (restore.limits.maxSize raises the limit)");
        });
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aSnapshotWithinMaxSizeIsRestored() throws Exception {
        CheckResult result = restore(plan("""
                restore: { kind: restic, limits: { maxSize: 1MiB } }
                validate: [ { checksums: SHA256SUMS } ]
                """));

        assertThat(result.status()).as(result.toString()).isEqualTo(Status.PASS);
        assertThat(leftIn(scratch)).isEmpty();
    }

    @Test
    void aRestoreThatWritesMoreThanMaxSizeIsRefusedAndItsScratchRemoved() throws Exception {
        // restic restores what the snapshot lists; a second writer in the scratch folder pushes it past the limit
        Path growing = dir.resolve("growing-restic");
        Files.writeString(growing, """
                #!/bin/sh
                if [ "$1" = restore ]; then
                  target=""; previous=""
                  for arg in "$@"; do [ "$previous" = --target ] && target="$arg"; previous="$arg"; done
                  restic "$@" || exit $?
                  head -c 400000 /dev/zero > "$target/extra.bin"
                  exit 0
                fi
                exec restic "$@"
                """);
        Files.setPosixFilePermissions(growing, PosixFilePermissions.fromString("rwx------"));
        String yaml = plan("""
                restore: { kind: restic, limits: { maxSize: 1000KiB } }
                """).replace("snapshots: { host: db1 }", "snapshots: { host: db1 }, command: " + growing);

        refusedAsTooLarge(restore(yaml), "restic restore wrote 1.0 MiB, more than 1000 KiB");
    }

    @Test
    void aZeroMaxSizeIsAPlanErrorNamingTheKey() {
        assertThatThrownBy(() -> new PlanParser().parse(plan("restore: { kind: restic, limits: { maxSize: 0 } }"),
                "plan.yaml", dir)).isInstanceOf(PlanException.class)
                .hasMessageContaining("restoreTest.restore.limits.maxSize").hasMessageContaining("more than 0 bytes");
    }

    @Test
    void kindResticOnAnotherTargetIsAPlanErrorNamingTheKey() {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: local, path: backups }
                    layout: { kind: file-per-backup, namePattern: "orders-{yyyyMMdd}.tar" }
                    restoreTest:
                      restore: { kind: restic }
                """;

        assertThatThrownBy(() -> new PlanParser().parse(yaml, "plan.yaml", dir)).isInstanceOf(PlanException.class)
                .hasMessageContaining("restoreTest.restore.kind").hasMessageContaining("restic target");
    }
}
