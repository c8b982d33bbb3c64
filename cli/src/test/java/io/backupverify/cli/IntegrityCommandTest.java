package io.backupverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrity check through the command, on real folders: the exit code and the summary tell what happened. */
class IntegrityCommandTest {
    private static final String BACKUP = "backups/files-2026-11-26";

    @TempDir
    Path dir;
    private Path plan;

    @BeforeEach
    void healthyBackup() throws IOException, NoSuchAlgorithmException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("db.dump", "x".repeat(10_000));
        files.put("with space.txt", "a file with a space");
        files.put("ünïcödé – ß.txt", "non-ASCII");
        files.put("-rf", "leading dash");
        files.put("nested/deeper/file.bin", "nested");
        StringBuilder manifest = new StringBuilder();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(BACKUP).resolve(file.getKey());
            Files.createDirectories(path.getParent());
            byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
            Files.write(path, content);
            manifest.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                    .append("  ").append(file.getKey()).append('\n');
        }
        Files.writeString(dir.resolve(BACKUP).resolve("SHA256SUMS"), manifest);
        plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                backupSets:
                  - name: files
                    target: { type: local, path: backups }
                    layout: { namePattern: "files-{yyyy-MM-dd}" }
                    checks:
                      integrity: { manifest: SHA256SUMS }
                """);
    }

    @Test
    void aHealthyBackupWithOddNamesPasses() {
        CommandRunner result = CommandRunner.run("verify", plan.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("integrity PASS").doesNotContain("Problems");
    }

    @Test
    void aFlippedBitFails() throws IOException {
        Path file = dir.resolve(BACKUP).resolve("ünïcödé – ß.txt");
        byte[] content = Files.readAllBytes(file);
        content[0] ^= 0x01;
        Files.write(file, content);

        CommandRunner result = CommandRunner.run("verify", plan.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("ünïcödé – ß.txt: changed");
    }

    @Test
    void aTruncatedFileFails() throws IOException {
        Files.write(dir.resolve(BACKUP).resolve("db.dump"), new byte[0]);

        CommandRunner result = CommandRunner.run("verify", plan.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("db.dump: truncated");
    }

    @Test
    void aMissingFileFails() throws IOException {
        Files.delete(dir.resolve(BACKUP).resolve("-rf"));

        CommandRunner result = CommandRunner.run("verify", plan.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("-rf: listed in SHA256SUMS line 4 but missing");
    }

    @Test
    void anExtraFileWarns() throws IOException {
        Files.writeString(dir.resolve(BACKUP).resolve("stray.tmp"), "not listed");

        CommandRunner result = CommandRunner.run("verify", plan.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("WARN").contains("stray.tmp");
    }

    @Test
    void aGarbledManifestIsNeverAPass() throws IOException {
        Files.writeString(dir.resolve(BACKUP).resolve("SHA256SUMS"), "this is not a checksum manifest\n");

        CommandRunner result = CommandRunner.run("verify", plan.toString());

        assertThat(result.exitCode()).isGreaterThanOrEqualTo(2);
        assertThat(result.out()).doesNotContain("integrity PASS");
    }
}
