package io.backupverify.engine.target.restic;

import static io.backupverify.engine.testing.SetResults.messages;
import static io.backupverify.engine.testing.SetResults.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.backupverify.engine.check.Status;
import io.backupverify.engine.credentials.CredentialResolver;
import io.backupverify.engine.credentials.CredentialedTargetOpener;
import io.backupverify.engine.credentials.SecretText;
import io.backupverify.engine.credentials.SecretValue;
import io.backupverify.engine.plan.PlanParser;
import io.backupverify.engine.plan.ResticTargetSpec;
import io.backupverify.engine.run.SetResult;
import io.backupverify.engine.run.Verifier;
import io.backupverify.engine.run.VerifyOptions;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots as backup jobs really make them: of a folder named relative to the job's working folder, of a dump
 * streamed in with {@code --stdin}, of a single file. Their files must be seen, not dropped for lying outside
 * the path the snapshot records.
 */
class ResticSnapshotPathsTest {
    private static final String PASSWORD = "canary-restic-paths-41c9";

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeRepository() throws Exception {
        assumeTrue(ResticRepository.available(), "needs restic");
        new ResticRepository(dir.resolve("repo").toString(), PASSWORD, Map.of());
        Path work = Files.createDirectories(dir.resolve("var/backups"));
        Files.createDirectories(work.resolve("orders"));
        Files.writeString(work.resolve("orders/orders.dump"), "relative folder\n");
        restic(work, null, "backup", "--tag", "relative", "orders");
        restic(work, "streamed dump\n", "backup", "--tag", "stdin", "--stdin", "--stdin-filename", "orders.sql");
        restic(work, null, "backup", "--tag", "file", work.resolve("orders/orders.dump").toString());
    }

    private static void restic(Path workingFolder, String stdin, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("restic", "-q", "-r", dir.resolve("repo").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        builder.environment().put("RESTIC_PASSWORD", PASSWORD);
        if (stdin == null) {
            builder.redirectInput(new File("/dev/null"));
        }
        Process process = builder.start();
        if (stdin != null) {
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes());
            }
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0).as("restic backup").isTrue();
    }

    private SetResult verify(String tag, String checks) throws Exception {
        String yaml = """
                backupSets:
                  - name: orders
                    target: { type: restic, repository: repo, passwordCredentialsId: pw, snapshots: { tags: [%s] } }
                    checks:
                %s
                """.formatted(tag, checks.indent(6));
        var plan = new PlanParser().parse(yaml, "plan.yaml", dir);
        return new Verifier(new CredentialedTargetOpener(dir, CredentialResolver.of(
                Map.of("pw", new SecretText(SecretValue.of(PASSWORD)))))).verify(plan, VerifyOptions.defaults())
                .sets().get(0);
    }

    @Test
    void aFolderBackedUpByARelativePathHoldsItsFiles() throws Exception {
        SetResult set = verify("relative", """
                completeness: { required: [orders.dump], minFiles: 1 }
                readable: {}
                """);

        assertThat(statuses(set)).as(messages(set)).containsEntry("completeness", Status.PASS);
        assertThat(set.checks().get(0).metrics()).containsEntry("dataFiles", 1L);
    }

    @Test
    void aDumpStreamedWithStdinIsTheSnapshotsFile() throws Exception {
        SetResult set = verify("stdin", "completeness: { required: [orders.sql], minFiles: 1 }");

        assertThat(statuses(set)).as(messages(set)).containsEntry("completeness", Status.PASS);
    }

    @Test
    void aSingleFileSnapshotHoldsThatFileAndItsBytesAreRead() throws Exception {
        SetResult set = verify("file", "completeness: { required: [orders.dump], minFiles: 1 }");

        assertThat(statuses(set)).as(messages(set)).containsEntry("completeness", Status.PASS);
        assertThat(set.checks().get(0).metrics()).containsEntry("bytes", 16L);
        var spec = new ResticTargetSpec(dir.resolve("repo").toString(), "pw", null,
                new ResticTargetSpec.SnapshotFilter(null, List.of("file"), List.of()), null);
        try (ResticTarget target = ResticTarget.open(spec, dir, Optional.empty(),
                CredentialResolver.of(Map.of("pw", new SecretText(SecretValue.of(PASSWORD)))))) {
            String id = target.list("").get(0).path();
            try (InputStream in = target.open(id + "/orders.dump")) {
                assertThat(new String(in.readAllBytes())).isEqualTo("relative folder\n");
            }
        }
    }
}
