package io.backupverify.engine.check.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupverify.engine.check.CheckResult;
import io.backupverify.engine.check.Finding;
import io.backupverify.engine.check.Status;
import io.backupverify.engine.testing.ExternalTools;
import io.backupverify.engine.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * borg repositories copied into a backup folder, made by the real borg in every mode: the key in the config does not
 * tell (the authenticated modes keep one there too and store their chunks readable by anyone); the chunks do.
 */
class BorgRepositoryEncryptionTest {
    private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "repokey, PASS", "repokey-blake2, PASS", "keyfile, PASS", "keyfile-blake2, PASS",
        "authenticated, FAIL", "authenticated-blake2, FAIL", "none, FAIL"})
    void aBorgRepositoryIsEncryptedExactlyWhenItsChunksAre(String mode, Status expected) throws Exception {
        ExternalTools.require("borg");
        Path repository = dir.resolve("orders/nightly-2026-11-29/borg");
        Files.createDirectories(repository.getParent());
        Path source = Files.createDirectories(dir.resolve("source"));
        Files.writeString(source.resolve("orders.sql"), "INSERT INTO orders VALUES (1);\n".repeat(100));
        Map<String, String> env = Map.of("BORG_PASSPHRASE", "canary-password", "BORG_KEYS_DIR",
                dir.resolve("keys").toString(), "BORG_BASE_DIR", dir.resolve("borg-home").toString(),
                "BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK", "yes");
        ExternalTools.run(dir, env, "borg", "init", "--encryption=" + mode, repository.toString());
        ExternalTools.run(dir, env, "borg", "create", repository + "::nightly", source.toString());

        CheckResult result = Plans.run("""
                backupSets:
                  - name: orders
                    target: { type: local, path: orders }
                    layout: { kind: directory-per-backup, namePattern: "nightly-{yyyy-MM-dd}" }
                    checks:
                      encryption: { atRest: required, inTransit: report }
                """, dir, NOW).sets().get(0).checks().get(0);

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(expected);
        if (expected == Status.PASS) {
            assertThat(result.metrics().get("formats").toString()).startsWith("{borg-repository=");
        } else {
            assertThat(result.findings()).extracting(Finding::message).anyMatch(m -> m.startsWith(
                    "a borg repository that does not encrypt"));
        }
    }
}
