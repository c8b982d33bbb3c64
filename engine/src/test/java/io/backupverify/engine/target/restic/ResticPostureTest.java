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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restic repository is encrypted at rest by restic itself; its key ages come from restic's own key list. */
class ResticPostureTest {
    private static final String PASSWORD = "canary-posture-restic-88";

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeRepository() throws Exception {
        assumeTrue(ResticRepository.available(), "needs restic (.ci/run installs it)");
        Path source = Files.createDirectories(dir.resolve("src/var/backups/orders"));
        Files.writeString(source.resolve("db.dump"), "-- plaintext rows, encrypted by restic\n".repeat(100));
        new ResticRepository(dir.resolve("repo").toString(), PASSWORD, Map.of()).backup(source, "db1", "orders");
    }

    private CheckResult run(String check, Instant now) throws Exception {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: restic, repository: repo, passwordCredentialsId: restic-pw,
                              snapshots: { host: db1 } }
                    checks:
                      %s
                """.formatted(check);
        var run = new Verifier(new CredentialedTargetOpener(dir, CredentialResolver.of(Map.of("restic-pw",
                new SecretText(SecretValue.of(PASSWORD)))))).verify(new PlanParser().parse(yaml, "plan.yaml", dir),
                VerifyOptions.defaults().withClock(Clock.fixed(now, ZoneOffset.UTC)));
        CheckResult result = run.sets().get(0).checks().get(0);
        assertThat(result.toString() + result.findings() + result.metrics()).doesNotContain(PASSWORD);
        return result;
    }

    @Test
    void everyFileOfASnapshotIsEncryptedByResticAndAFreshKeyPasses() throws Exception {
        CheckResult result = run("encryption: { atRest: required, inTransit: required, maxKeyAge: 365d }",
                Instant.now());
        assertThat(result.status()).as(result.findings().toString()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("plaintextFiles", 0L).containsEntry("formats",
                Map.of("restic", 1)).containsEntry("storeDefaultEncryption",
                "restic (AES-256-CTR with Poly1305-AES, always on)");
        assertThat(result.metrics().get("transport").toString()).isEqualTo("a repository in a local folder");
        assertThat((Map<?, ?>) result.metrics().get("keyAgeDays")).hasSize(1);
    }

    @Test
    void aKeyOlderThanMaxKeyAgeFailsNamingIt() throws Exception {
        CheckResult result = run("encryption: { maxKeyAge: 365d }", Instant.now().plus(Duration.ofDays(400)));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.findings()).extracting(Finding::item).singleElement().asString().startsWith("key ");
        assertThat(result.findings().get(0).message()).contains("older than maxKeyAge 365d: rotate it");
    }
}
