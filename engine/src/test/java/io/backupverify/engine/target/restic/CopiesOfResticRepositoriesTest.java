package io.backupverify.engine.target.restic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretText;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copies check over restic repositories kept in folders, with the real restic: a copy of the repository on the
 * same disk is not another copy; one on a file system of its own (a tmpfs) is.
 */
class CopiesOfResticRepositoriesTest {
    private static final String PASSWORD = "copies-restic-81f2";

    @TempDir
    Path dir;
    private Path elsewhere;

    @BeforeEach
    void makeRepositories() throws Exception {
        assumeTrue(ResticRepository.available(), "needs restic");
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getAttribute(shm, "unix:dev").equals(Files.getAttribute(dir, "unix:dev")),
                "/dev/shm is a file system of its own");
        Path source = Files.createDirectories(dir.resolve("src/var/backups/orders"));
        byte[] dump = new byte[300_000];
        new Random(3).nextBytes(dump);
        Files.write(source.resolve("db.dump"), dump);
        new ResticRepository(dir.resolve("repo").toString(), PASSWORD, Map.of()).backup(source, "db1", "orders");
        // copies of the repository's files keep its snapshots, ids and all, as rsync or rclone sync would
        ResticRepository.copy(dir.resolve("repo"), dir.resolve("repo-beside"));
        elsewhere = Files.createTempDirectory(shm, "restic-copy");
        ResticRepository.copy(dir.resolve("repo"), elsewhere.resolve("repo"));
    }

    @AfterEach
    void removeCopy() throws Exception {
        if (elsewhere != null) {
            try (Stream<Path> files = Files.walk(elsewhere)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    file.toFile().setWritable(true);
                    Files.delete(file);
                }
            }
        }
    }

    private CheckResult copies(String copies) throws Exception {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: restic, repository: repo, passwordCredentialsId: pw }
                    checks:
                      copies: %s
                  - name: orders-beside
                    target: { type: restic, repository: repo-beside, passwordCredentialsId: pw }
                    checks: { freshness: { maxAge: 1h } }
                  - name: orders-elsewhere
                    target: { type: restic, repository: "%s", passwordCredentialsId: pw }
                    checks: { freshness: { maxAge: 1h } }
                """.formatted(copies, elsewhere.resolve("repo"));
        var plan = new PlanParser().parse(yaml, "plan.yaml", dir);
        var credentials = CredentialResolver.of(Map.of("pw", new SecretText(SecretValue.of(PASSWORD))));
        return new Verifier(new CredentialedTargetOpener(dir, credentials)).verify(plan,
                VerifyOptions.defaults().withSets(List.of("orders"))).sets().get(0).checks().get(0);
    }

    @Test
    void aCopyOfTheRepositoryOnTheSameDiskIsNotAnotherCopy() throws Exception {
        CheckResult result = copies("{ at: [orders-beside, orders-elsewhere], minCopies: 3 }");

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("copies", 2);
        String snapshot = result.metrics().get("backup").toString();
        assertThat(result.findings()).extracting(Finding::item, Finding::severity, Finding::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("orders-beside:" + snapshot, Status.WARN,
                                "on the same file system as " + snapshot + " (device " + Files.getAttribute(dir,
                                        "unix:dev") + "), so not counted as another copy: one fault of that disk "
                                        + "loses both"),
                        org.assertj.core.groups.Tuple.tuple(snapshot, Status.FAIL,
                                "2 identical copies of the newest backup, fewer than minCopies 3"));
    }
}
